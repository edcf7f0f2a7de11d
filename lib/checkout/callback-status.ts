// What the customer-facing callback page may show: the order number and a
// coarse state to anyone who has the number; the amounts only to a visitor who
// came from the merchant's checkout (callback-token.ts). Never changes an order
// on its own; the callback is UX only (points-api.md §5). While a known order
// is not settled yet it may ask Points for the current state, at most once per
// order every few seconds.
import type { Db } from "@/lib/db/prisma";
import { applyOrderSnapshot, type OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { getLogger } from "@/lib/log/logger";
import { loadRefundPosition } from "@/lib/refunds/refund-ledger";

export type CallbackState =
  "confirmed" | "pending" | "not_found" | "cancelled" | "failed" | "refunded" | "partially_refunded";

export interface CallbackStatus {
  orderNumber: string;
  state: CallbackState;
  /** SAR with two decimals; only when amounts may be shown */
  amount?: string;
  /** SAR refunded so far, as far as we know; only for a partial refund when amounts may be shown */
  refundedAmount?: string;
}

export interface CallbackStatusOptions {
  /** The visitor proved they came from the merchant's checkout. */
  revealAmounts: boolean;
  fetchFromPoints?: (uuid: string) => Promise<OrderSnapshot | null>;
}

const STATE_BY_ORDER_STATUS: Record<string, CallbackState> = {
  new: "pending",
  authorized: "pending",
  approved: "confirmed",
  captured: "confirmed",
  completed: "confirmed",
  cancelled: "cancelled",
  partially_refunded: "partially_refunded",
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
  { revealAmounts, fetchFromPoints }: CallbackStatusOptions,
): Promise<CallbackStatus> {
  const find = () =>
    db.order.findFirst({
      where: { orderNumber },
      orderBy: { pointsUpdatedAt: "desc" },
      select: { pointsUuid: true, orderStatus: true, totalPrice: true },
    });
  let order = await find();
  // The page keeps asking for a while: the order's first webhook may still be on its way.
  if (!order) return { orderNumber, state: "not_found" };

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
  if (!revealAmounts) return { orderNumber, state };
  // From the refund ledger, as on the order page. A partial refund whose amount we do not
  // know (wholly, or in part: then the figure is only a lower bound) is shown without one.
  const refunds = state === "partially_refunded" ? await loadRefundPosition(db, order) : null;
  const refunded = refunds && !refunds.unknown && refunds.refunded > 0 ? refunds.refunded : null;
  return {
    orderNumber,
    state,
    amount: order.totalPrice.toFixed(2),
    ...(refunded !== null ? { refundedAmount: refunded.toFixed(2) } : {}),
  };
}
