// Lifecycle flags for the reconciliation page (open ones, newest first, with
// counts per rule) and for one order's page (all of them).
import type { Db } from "@/lib/db/prisma";
import { orderNumbers } from "@/lib/orders/order-numbers";
import type { FlagDetail } from "./record-flags";

export const FLAGS_SHOWN = 100;

/** JSON-safe, for client components. */
export interface FlagRow {
  id: string;
  orderUuid: string;
  orderNumber: string | null;
  rule: string;
  status: string;
  note: string | null;
  detail: Partial<FlagDetail>;
  createdAt: string;
  resolvedAt: string | null;
}

type Stored = Awaited<ReturnType<Db["lifecycleFlag"]["findMany"]>>[number];

function toFlagRow(f: Stored, numbers: Map<string, string>): FlagRow {
  const detail =
    f.detail && typeof f.detail === "object" && !Array.isArray(f.detail) ? (f.detail as Partial<FlagDetail>) : {};
  return {
    id: String(f.id),
    orderUuid: f.orderUuid,
    orderNumber: numbers.get(f.orderUuid) ?? null,
    rule: f.rule,
    status: f.status,
    note: f.note,
    detail,
    createdAt: f.createdAt.toISOString(),
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
  };
}

export async function listOpenFlags(
  db: Db,
  take = FLAGS_SHOWN,
): Promise<{ rows: FlagRow[]; total: number; byRule: Array<{ rule: string; count: number }> }> {
  const where = { status: "open" };
  const [flags, total, groups] = await Promise.all([
    db.lifecycleFlag.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take }),
    db.lifecycleFlag.count({ where }),
    db.lifecycleFlag.groupBy({ by: ["rule"], where, _count: { _all: true }, orderBy: { rule: "asc" } }),
  ]);
  const numbers = await orderNumbers(
    db,
    flags.map((f) => f.orderUuid),
  );
  return {
    rows: flags.map((f) => toFlagRow(f, numbers)),
    total,
    byRule: groups.map((g) => ({ rule: g.rule, count: g._count._all })),
  };
}

export async function orderFlags(db: Db, orderUuid: string, take?: number): Promise<FlagRow[]> {
  const flags = await db.lifecycleFlag.findMany({
    where: { orderUuid },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
  });
  return flags.map((f) => toFlagRow(f, new Map()));
}
