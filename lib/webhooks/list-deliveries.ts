// The delivery log, newest first, with keyset pagination on (received_at, id):
// a page costs the same at row 50 and at row 5,000,000 because the position is
// an index condition, never an OFFSET.
import {
  beyondTimeId,
  decodeTimeIdCursor,
  encodeTimeIdCursor,
  keysetPage,
  type KeysetPage,
} from "@/lib/db/keyset-page";
import { toInstant } from "@/lib/time/riyadh";
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
  if (filter.from || filter.to) {
    where.receivedAt = {
      gte: filter.from ? toInstant(filter.from) : undefined,
      lte: filter.to ? toInstant(filter.to) : undefined,
    };
  }
  return where;
}

/** A delivery's page position, for the log and bulk replay. */
export const deliveryCursor = (row: { receivedAt: Date | string; id: bigint | string }) =>
  encodeTimeIdCursor(row.receivedAt, row.id);

/** Deliveries past a page position, further down the newest-first log. */
export const olderThan = (cursor: string) => beyondTimeId("receivedAt", decodeTimeIdCursor(cursor), "next");

export const NEWEST_FIRST = [
  { receivedAt: "desc" },
  { id: "desc" },
] satisfies Prisma.WebhookDeliveryOrderByWithRelationInput[];
const OLDEST_FIRST = [{ receivedAt: "asc" }, { id: "asc" }] satisfies Prisma.WebhookDeliveryOrderByWithRelationInput[];

export type DeliveryPage = KeysetPage<DeliveryRow>;

export async function listDeliveries(db: Db, query: DeliveryQuery, pageSize = PAGE_SIZE): Promise<DeliveryPage> {
  const found = await keysetPage({
    prev: query.newer ? decodeTimeIdCursor(query.newer) : null,
    next: query.older ? decodeTimeIdCursor(query.older) : null,
    pageSize,
    read: async ({ towards, position, take }) =>
      db.webhookDelivery.findMany({
        where: {
          AND: [deliveryWhere(query), towards ? beyondTimeId("receivedAt", position!, towards) : {}],
        },
        orderBy: towards === "prev" ? OLDEST_FIRST : NEWEST_FIRST,
        take,
        select: deliveryRowSelect,
      }),
    cursorOf: deliveryCursor,
  });
  return { ...found, rows: found.rows.map(toDeliveryRow) };
}

/** The highest delivery id so far: where the live stream of a freshly rendered page starts. */
export async function latestDeliveryId(db: Db): Promise<string> {
  const { _max } = await db.webhookDelivery.aggregate({ _max: { id: true } });
  return (_max.id ?? BigInt(0)).toString();
}
