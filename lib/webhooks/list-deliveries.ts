// The delivery log, newest first, with keyset pagination on (received_at, id):
// a page costs the same at row 50 and at row 5,000,000 because the position is
// an index condition, never an OFFSET.
import { newestFirstKeyset, type KeysetPage } from "@/lib/db/keyset-page";
import { instantRange } from "@/lib/http/url-query";
import type { Db } from "@/lib/db/prisma";
import type { DeliveryStatus, Prisma } from "@/lib/generated/prisma/client";
import { searchTarget, type DeliveryFilter, type DeliveryQuery } from "./delivery-filters";

export const PAGE_SIZE = 50;

export const deliveryRowSelect = {
  id: true,
  event: true,
  pointsOrderUuid: true,
  orderNumber: true,
  status: true,
  attempts: true,
  receivedAt: true,
  ackLatencyMs: true,
  duplicateCount: true,
} satisfies Prisma.WebhookDeliverySelect;

/** JSON-safe, so the same shape goes to the page, the list route and the live stream. */
export interface DeliveryRow {
  id: string;
  event: string | null;
  pointsOrderUuid: string | null;
  orderNumber: string | null;
  status: DeliveryStatus;
  attempts: number;
  receivedAt: string;
  ackLatencyMs: number | null;
  duplicateCount: number;
}

export function toDeliveryRow(
  row: Prisma.WebhookDeliveryGetPayload<{ select: typeof deliveryRowSelect }>,
): DeliveryRow {
  return { ...row, id: row.id.toString(), receivedAt: row.receivedAt.toISOString() };
}

export function deliveryWhere(filter: DeliveryFilter): Prisma.WebhookDeliveryWhereInput {
  const where: Prisma.WebhookDeliveryWhereInput = {};
  if (filter.event) where.event = filter.event;
  if (filter.status === "duplicate") where.duplicateCount = { gt: 0 };
  else if (filter.status) where.status = filter.status;
  if (filter.q) Object.assign(where, searchTarget(filter.q));
  where.receivedAt = instantRange(filter);
  return where;
}

const keyset = newestFirstKeyset("receivedAt");
// Bulk replay walks the log as the page does.
export const { newestFirst: NEWEST_FIRST, cursorOf: deliveryCursor, olderThan } = keyset;

export type DeliveryPage = KeysetPage<DeliveryRow>;

export async function listDeliveries(db: Db, query: DeliveryQuery, pageSize = PAGE_SIZE): Promise<DeliveryPage> {
  const found = await keyset.page(query, pageSize, ({ beyond, orderBy, take }) =>
    db.webhookDelivery.findMany({
      where: { AND: [deliveryWhere(query), beyond] },
      orderBy,
      take,
      select: deliveryRowSelect,
    }),
  );
  return { ...found, rows: found.rows.map(toDeliveryRow) };
}

/** The highest delivery id so far: where the live stream of a freshly rendered page starts. */
export async function latestDeliveryId(db: Db): Promise<bigint> {
  // Plain SQL: Prisma's aggregate wraps the table in a subquery (… OFFSET $1) that hides max(id) from the
  // primary key, so it read every row (130 ms at 100k deliveries, growing with the table) where this reads one
  // index entry.
  const [row] = await db.$queryRaw<[{ id: bigint | null }]>`SELECT max(id) AS id FROM webhook_deliveries`;
  return row.id ?? BigInt(0);
}
