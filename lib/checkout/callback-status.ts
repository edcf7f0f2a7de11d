// What the customer-facing callback page may show: the order number, the amount
// and a coarse state. Never changes an order on its own; the callback is UX
// only (points-api.md §5). While a known order is not settled yet it may ask
// Points for the current state, at most once per order every few seconds.
import type { Db } from "@/lib/db/prisma";
import { applyOrderSnapshot, type OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { getLogger } from "@/lib/log/logger";

export type CallbackState = "confirmed" | "pending" | "cancelled" | "failed" | "refunded";

export interface CallbackStatus {
  orderNumber: string;
  state: CallbackState;
  /** SAR, as a string with two decimals; absent while the order is unknown to us */
  amount?: string;
}

const STATE_BY_ORDER_STATUS: Record<string, CallbackState> = {
  new: "pending",
  authorized: "pending",
  approved: "confirmed",
  captured: "confirmed",
  completed: "confirmed",
  cancelled: "cancelled",
  partially_refunded: "refunded",
  fully_refunded: "refunded",
};

const REFRESH_EVERY_MS = 5_000;
const lastRefresh = new Map<string, number>();

// Points fires `cancelled` both for an abandoned checkout and a failed payment;
// only the reason tells them apart.
async function cancelledBecausePaymentFailed(db: Db, uuid: string): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ reason: string | null }>>`
    SELECT raw_body::jsonb -> 'order' ->> 'reason' AS reason FROM webhook_deliveries
    WHERE points_order_uuid = ${uuid}::uuid AND event = 'cancelled' AND status <> 'rejected'
    ORDER BY points_updated_at DESC LIMIT 1`;
  return /fail|declin|رفض|فشل/i.test(rows[0]?.reason ?? "");
}

export async function getCallbackStatus(
  db: Db,
  orderNumber: string,
  fetchFromPoints?: (uuid: string) => Promise<OrderSnapshot | null>,
): Promise<CallbackStatus> {
  const find = () =>
    db.order.findFirst({
      where: { orderNumber },
      orderBy: { pointsUpdatedAt: "desc" },
      select: { pointsUuid: true, orderStatus: true, totalPrice: true },
    });
  let order = await find();
  if (!order) return { orderNumber, state: "pending" };

  let state = STATE_BY_ORDER_STATUS[order.orderStatus] ?? "pending";
  const last = lastRefresh.get(order.pointsUuid) ?? 0;
  if (state === "pending" && fetchFromPoints && Date.now() - last > REFRESH_EVERY_MS) {
    lastRefresh.set(order.pointsUuid, Date.now());
    // The page still answers from our store when Points cannot be asked.
    const snapshot = await fetchFromPoints(order.pointsUuid).catch((error: unknown) => {
      getLogger().warn({ err: error }, "callback: reading the order from Points failed");
      return null;
    });
    if (snapshot) {
      await applyOrderSnapshot(db, snapshot);
      order = (await find()) ?? order;
      state = STATE_BY_ORDER_STATUS[order.orderStatus] ?? "pending";
    }
  }
  if (state === "cancelled" && (await cancelledBecausePaymentFailed(db, order.pointsUuid))) state = "failed";
  return { orderNumber, state, amount: order.totalPrice.toFixed(2) };
}
