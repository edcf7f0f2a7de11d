// Differences for the reconciliation page, newest first, filtered as the URL
// says, in keyset pages on (created_at, id). The same `where` selects what the
// bulk actions work through, so "all matching" is exactly what the list shows.
import { newestFirstKeyset, type KeysetPage } from "@/lib/db/keyset-page";
import type { Db } from "@/lib/db/prisma";
import type { Prisma, ReconcileDifference } from "@/lib/generated/prisma/client";
import { orderNumbers } from "@/lib/orders/order-numbers";
import type { JsonValue } from "./compare-order";
import { orderTarget, type DifferenceFilter, type DifferenceQuery } from "./difference-filters";

export const PAGE_SIZE = 50;

/** JSON-safe: rows go to client components (row actions) as they are. */
export interface DifferenceRow {
  id: string;
  runId: string;
  orderUuid: string;
  orderNumber: string | null;
  field: string;
  kind: string;
  status: string;
  ours: JsonValue;
  theirs: JsonValue;
  note: string | null;
  createdAt: string;
}

export async function differenceWhere(db: Db, filter: DifferenceFilter): Promise<Prisma.ReconcileDifferenceWhereInput> {
  const where: Prisma.ReconcileDifferenceWhereInput = {};
  if (filter.field) where.field = filter.field;
  if (filter.kind) where.kind = filter.kind;
  if (filter.status !== "all") where.status = filter.status;
  if (filter.q) {
    const target = orderTarget(filter.q);
    // Order numbers are the merchant's and need not be unique at Points: every order with the number matches.
    const uuids =
      "uuid" in target
        ? [target.uuid]
        : (await db.order.findMany({ where: { orderNumber: target.orderNumber }, select: { pointsUuid: true } })).map(
            (o) => o.pointsUuid,
          );
    where.orderUuid = { in: uuids };
  }
  return where;
}

const keyset = newestFirstKeyset("createdAt");
export const { newestFirst: NEWEST_FIRST, cursorOf, olderThan } = keyset;

export async function listDifferences(
  db: Db,
  query: DifferenceQuery,
  pageSize = PAGE_SIZE,
): Promise<KeysetPage<DifferenceRow>> {
  const where = await differenceWhere(db, query);
  const page = await keyset.page(query, pageSize, ({ beyond, orderBy, take }) =>
    db.reconcileDifference.findMany({ where: { AND: [where, beyond] }, orderBy, take }),
  );
  const numbers = await orderNumbers(
    db,
    page.rows.map((r) => r.orderUuid),
  );
  return { ...page, rows: page.rows.map((r) => toDifferenceRow(r, numbers.get(r.orderUuid) ?? null)) };
}

export function toDifferenceRow(r: ReconcileDifference, orderNumber: string | null): DifferenceRow {
  return {
    id: String(r.id),
    runId: r.runId,
    orderUuid: r.orderUuid,
    orderNumber,
    field: r.field,
    kind: r.kind,
    status: r.status,
    ours: (r.ours ?? null) as JsonValue,
    theirs: (r.theirs ?? null) as JsonValue,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}
