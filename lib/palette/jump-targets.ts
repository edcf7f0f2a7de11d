// What the command palette can jump to for a typed term: orders whose number
// or reference starts with it (or whose Points uuid it is), and the webhook
// delivery with that id. Reuses the order search, so the palette finds what
// the order list would.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { parseOrderSearch } from "@/lib/orders/order-search-params";
import { searchOrders } from "@/lib/orders/search-orders";

export const JUMP_LIMIT = 5;

export const jumpQuerySchema = z.object({ q: z.string().trim().min(1, "is empty").max(100, "is too long") });

export interface OrderTarget {
  pointsUuid: string;
  orderNumber: string;
  referenceNumber: string | null;
  orderStatus: string;
}
export interface DeliveryTarget {
  id: string;
  event: string | null;
  orderNumber: string | null;
  status: string;
}
export interface JumpTargets {
  orders: OrderTarget[];
  deliveries: DeliveryTarget[];
}

// bigint ids up to PostgreSQL's bigint maximum (19 digits, 9.2e18)
const DELIVERY_ID = /^\d{1,18}$/;

export async function findJumpTargets(db: Db, q: string, opts: { deliveries: boolean }): Promise<JumpTargets> {
  const search = parseOrderSearch({ q });
  const [orders, deliveries] = await Promise.all([
    search.ok && search.value.q ? findOrders(db, search.value) : [],
    opts.deliveries ? findDelivery(db, q.trim().replace(/^#+/, "")) : [],
  ]);
  return { orders, deliveries };
}

async function findOrders(db: Db, search: Parameters<typeof searchOrders>[1]): Promise<OrderTarget[]> {
  const page = await searchOrders(db, search, { pageSize: JUMP_LIMIT });
  const rows = page.exactMatch
    ? [page.exactMatch, ...page.rows.filter((r) => r.id !== page.exactMatch!.id)]
    : page.rows;
  return rows.slice(0, JUMP_LIMIT).map(({ pointsUuid, orderNumber, referenceNumber, orderStatus }) => ({
    pointsUuid,
    orderNumber,
    referenceNumber,
    orderStatus,
  }));
}

async function findDelivery(db: Db, term: string): Promise<DeliveryTarget[]> {
  if (!DELIVERY_ID.test(term)) return [];
  const row = await db.webhookDelivery.findUnique({
    where: { id: BigInt(term) },
    select: { id: true, event: true, orderNumber: true, status: true },
  });
  return row ? [{ ...row, id: row.id.toString() }] : [];
}
