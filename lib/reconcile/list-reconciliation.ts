// What the reconciliation page shows: the latest runs, the open differences
// counted by field and kind, and the open differences themselves (newest first,
// capped), each with our order number when we have the order.
import type { Db } from "@/lib/db/prisma";
import type { ReconcileRun } from "@/lib/generated/prisma/client";
import type { JsonValue } from "./compare-order";

export const RUNS_SHOWN = 20;
export const DIFFERENCES_SHOWN = 200;

export type RunRow = Pick<
  ReconcileRun,
  "id" | "status" | "trigger" | "startedAt" | "finishedAt" | "planned" | "checked" | "differing" | "errors" | "lastError"
>;

export interface DifferenceGroup {
  field: string;
  kind: string;
  count: number;
}

export interface OpenDifference {
  id: string;
  runId: string;
  orderUuid: string;
  orderNumber: string | null;
  field: string;
  ours: JsonValue;
  theirs: JsonValue;
  kind: string;
  createdAt: Date;
}

export function listRuns(db: Db, take = RUNS_SHOWN): Promise<RunRow[]> {
  return db.reconcileRun.findMany({
    orderBy: { startedAt: "desc" },
    take,
    select: { id: true, status: true, trigger: true, startedAt: true, finishedAt: true, planned: true, checked: true, differing: true, errors: true, lastError: true },
  });
}

export async function groupOpenDifferences(db: Db): Promise<DifferenceGroup[]> {
  const groups = await db.reconcileDifference.groupBy({
    by: ["field", "kind"],
    where: { status: "open" },
    _count: { _all: true },
    orderBy: [{ field: "asc" }, { kind: "asc" }],
  });
  return groups.map((g) => ({ field: g.field, kind: g.kind, count: g._count._all }));
}

export async function listOpenDifferences(db: Db, take = DIFFERENCES_SHOWN): Promise<OpenDifference[]> {
  const rows = await db.reconcileDifference.findMany({
    where: { status: "open" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  const orders = await db.order.findMany({
    where: { pointsUuid: { in: [...new Set(rows.map((r) => r.orderUuid))] } },
    select: { pointsUuid: true, orderNumber: true },
  });
  const numbers = new Map(orders.map((o) => [o.pointsUuid, o.orderNumber]));
  return rows.map((r) => ({
    id: String(r.id),
    runId: r.runId,
    orderUuid: r.orderUuid,
    orderNumber: numbers.get(r.orderUuid) ?? null,
    field: r.field,
    ours: (r.ours ?? null) as JsonValue,
    theirs: (r.theirs ?? null) as JsonValue,
    kind: r.kind,
    createdAt: r.createdAt,
  }));
}
