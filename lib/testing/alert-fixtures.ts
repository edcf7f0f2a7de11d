// Rows planted straight into the tables the alert rules count, as the Points
// client, the receiver, the queue and reconciliation would have written them.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/prisma";

export const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** `count` Points API calls (a refund unless `call` says otherwise) answering `status` (null: no answer) at `at`. */
export async function plantCalls(
  db: Db,
  status: number | null,
  at: Date | Date[],
  count = 1,
  call = { method: "POST", path: "/orders/00000000-0000-4000-8000-000000000001/refund" },
) {
  const times = Array.isArray(at) ? at : Array.from({ length: count }, () => at);
  await db.pointsApiCall.createMany({
    data: times.map((createdAt) => ({
      ...call,
      status,
      ok: status !== null && status < 300,
      errorKind: status === null ? "network" : status < 300 ? null : "http",
      latencyMs: 12,
      createdAt,
    })),
  });
}

export async function plantOverdueIntent(db: Db, sentAt: Date) {
  return db.actionIntent.create({
    data: {
      idempotencyKey: randomUUID(),
      kind: "refund",
      orderUuid: randomUUID(),
      params: { amount: "10.00" },
      status: "succeeded",
      requestedById: randomUUID(),
      awaitingWebhook: true,
      sentAt,
    },
  });
}

export async function plantOpenDifference(db: Db) {
  const run = await db.reconcileRun.create({ data: { trigger: "cli", status: "completed" } });
  return db.reconcileDifference.create({
    data: {
      runId: run.id,
      orderUuid: randomUUID(),
      field: "order_status",
      ours: "approved",
      theirs: "cancelled",
      kind: "mismatch",
    },
  });
}

/** Empties what the rules read and what they write, between tests sharing a database. */
export async function clearAlertTables(db: Db) {
  await db.$executeRaw`TRUNCATE alerts, app_settings, points_api_calls, webhook_deliveries, verification_failures, receiver_failures,
    action_intents, reconcile_runs, reconcile_differences RESTART IDENTITY CASCADE`;
}
