// Orders for the overview: how many are in each status, how many changed
// today, and the refunds waiting for a second admin (with their orders, since
// no list filters by them).
import type { Db } from "@/lib/db/prisma";
import { ORDER_STATUSES } from "@/lib/orders/order-search-params";
import type { Windows } from "./windows";

export const PENDING_REFUNDS_SHOWN = 5;

export interface OrderFigures {
  byStatus: Array<{ status: string; count: number }>;
  total: number;
  changedToday: number;
  refundsPending: number;
  /** the orders of the oldest pending refunds */
  pendingRefundOrders: Array<{ pointsUuid: string; orderNumber: string }>;
}

export async function orderFigures(db: Db, w: Windows): Promise<OrderFigures> {
  const [groups, changedToday, refundsPending, pending] = await Promise.all([
    db.order.groupBy({ by: ["orderStatus"], _count: true }),
    db.order.count({ where: { pointsUpdatedAt: { gte: w.today, lte: w.now } } }),
    db.actionIntent.count({ where: { kind: "refund", status: "pending_approval" } }),
    db.actionIntent.findMany({
      where: { kind: "refund", status: "pending_approval" },
      orderBy: { createdAt: "asc" },
      take: PENDING_REFUNDS_SHOWN,
      select: { orderUuid: true },
    }),
  ]);
  const counts = new Map(groups.map((g) => [g.orderStatus, g._count]));
  // Every known status is listed, zero or not, in lifecycle order; unknown ones after.
  const known = ORDER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  const unknown = [...counts]
    .filter(([status]) => !(ORDER_STATUSES as readonly string[]).includes(status))
    .map(([status, count]) => ({ status, count }));
  const orders = await db.order.findMany({
    where: { pointsUuid: { in: pending.map((p) => p.orderUuid) } },
    select: { pointsUuid: true, orderNumber: true },
  });
  const byUuid = new Map(orders.map((o) => [o.pointsUuid, o]));
  return {
    byStatus: [...known, ...unknown],
    total: groups.reduce((sum, g) => sum + g._count, 0),
    changedToday,
    refundsPending,
    pendingRefundOrders: [...new Set(pending.map((p) => p.orderUuid))].flatMap((uuid) => byUuid.get(uuid) ?? []),
  };
}
