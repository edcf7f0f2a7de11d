// Sends one recorded intent to Points and records what happened. Called for a
// new intent, or for a refund a second admin just approved. Only the caller
// that moved the intent to `sending` gets here, so Points is called once.
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { PointsApiError } from "@/lib/points/errors";
import type { PointsClient } from "@/lib/points/client";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import type { ApiOrder } from "@/lib/points/schemas";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import type { OrderActionInput } from "@/lib/orders/action-schemas";
import { getLogger } from "@/lib/log/logger";
import { recordAcceptedRefund } from "@/lib/refunds/refund-ledger";
import type { Notice } from "@/lib/result/action-result";

export interface IntentRow {
  id: string;
  kind: OrderActionInput["kind"];
  orderUuid: string;
  params: Prisma.JsonValue;
}

export type ExecuteOutcome = { status: "succeeded" | "failed" | "unknown"; message: string; notice: Notice };

const DONE: Record<OrderActionInput["kind"], string> = {
  refund: "Refund sent to Points",
  cancel: "Cancellation sent to Points",
  shipping: "Shipping status updated at Points",
  complete: "Order marked complete at Points",
  authorize: "Order authorized at Points",
  capture: "Payment captured at Points",
};

async function send(
  client: PointsClient,
  intent: IntentRow,
): Promise<{ order: ApiOrder | null; refundedTotal?: number; unknown?: string }> {
  const p = (intent.params ?? {}) as Record<string, string | number | undefined>;
  const opts = { intentId: intent.id };
  const uuid = intent.orderUuid;
  if (intent.kind === "shipping") {
    const body = {
      status: p.status as never,
      name_ar: p.nameAr as string | undefined,
      name_en: p.nameEn as string | undefined,
    };
    return { order: await client.updateShippingStatus(uuid, body, { orderUuid: uuid, intentId: intent.id }) };
  }
  const call = {
    refund: () => client.refund(uuid, { amount: p.amount as number | undefined, reason: p.reason as string }, opts),
    cancel: () => client.cancel(uuid, { reason: p.reason as string | undefined }, opts),
    complete: () => client.complete(uuid, { payment_method: p.paymentMethod as string }, opts),
    authorize: () => client.authorize(uuid, opts),
    capture: () => client.capture(uuid, opts),
  }[intent.kind];
  const result = await call();
  if (result.outcome === "unknown") return { order: null, unknown: result.message };
  // ASSUMPTION (docs/sandbox-double.md): a refund answer may carry the refunded total in appended_data.
  const appended = result.outcome === "applied" && !Array.isArray(result.appended) ? result.appended : undefined;
  const refundedTotal = typeof appended?.refunded_total === "number" ? appended.refunded_total : undefined;
  // The answer's body is UNKNOWN (points-api.md §8.6, §8.8): when it holds no order, read it.
  return { order: result.data ?? (await readBack(client, uuid, intent.id)), refundedTotal };
}

async function readBack(client: PointsClient, uuid: string, intentId: string): Promise<ApiOrder | null> {
  try {
    return await client.getOrder(uuid, { intentId });
  } catch {
    return null; // the webhook will bring the new state
  }
}

export async function executeIntent(
  db: Db,
  client: PointsClient,
  intent: IntentRow,
  actorId: string,
): Promise<ExecuteOutcome> {
  let outcome: ExecuteOutcome;
  try {
    const { order, refundedTotal, unknown } = await send(client, intent);
    if (unknown) {
      outcome = {
        status: "unknown",
        message: `Points did not confirm the ${intent.kind}: ${unknown} Check the order before trying again.`,
        notice: { key: "OrderActions.notice.notConfirmed", values: { kind: intent.kind } },
      };
    } else {
      outcome = {
        status: "succeeded",
        message: DONE[intent.kind],
        notice: { key: "OrderActions.notice.done", values: { kind: intent.kind } },
      };
      // Keep our store current now; the webhook confirms it later.
      if (order) await applyOrderSnapshot(db, snapshotFromApi(order, { refundedTotal }));
      if (intent.kind === "refund") {
        const amount = (intent.params as { amount?: unknown } | null)?.amount;
        await recordAcceptedRefund(db, {
          intentId: intent.id,
          orderUuid: intent.orderUuid,
          amount: typeof amount === "number" ? amount : null,
          pointsUpdatedAt: order?.updated_at ?? null,
        });
      }
    }
  } catch (error) {
    // Points refused or certainly did not act: its words, made for a person.
    outcome =
      error instanceof PointsApiError
        ? { status: "failed", message: error.message, notice: error.notice }
        : {
            status: "failed",
            message: "Unexpected error while calling Points; nothing was confirmed.",
            notice: { key: "OrderActions.notice.unexpected" },
          };
    if (!(error instanceof PointsApiError))
      getLogger().error({ err: error, intentId: intent.id }, "order action failed");
  }

  // Points may deliver the webhook before this answer reaches us (confirm-intents.ts then
  // confirms the `sending` intent): keep that confirmation unless Points refused, and wait
  // for a webhook only if none came yet.
  const succeeded = outcome.status === "succeeded";
  await db.$executeRaw`
    UPDATE action_intents
       SET status = ${outcome.status}::"IntentStatus", result_message = ${outcome.message}, sent_at = now(), updated_at = now(),
           awaiting_webhook = ${succeeded}::boolean AND confirmed_at IS NULL,
           confirmed_at = CASE WHEN ${outcome.status === "failed"}::boolean THEN NULL ELSE confirmed_at END
     WHERE id = ${intent.id}::uuid`;
  await recordAudit(db, {
    actorId,
    action: `order.${intent.kind}`,
    target: intent.orderUuid,
    detail: { intentId: intent.id, params: intent.params ?? null, outcome: outcome.status, message: outcome.message },
  });
  return outcome;
}
