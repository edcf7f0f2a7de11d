import type { SimOrder } from "./order-types";
import type { SimState } from "./state";

export type PayMode = "approve" | "authorize";

/**
 * The browser return: callback_url plus our own query parameters. The real
 * names are UNKNOWN (§5, §8.4); `points_status` and `points_order_id` are
 * invented here and documented as such.
 */
export function callbackLocation(order: SimOrder): string | null {
  if (!order.callbackUrl) return null;
  const url = new URL(order.callbackUrl);
  const status = order.orderStatus === "cancelled" ? "cancelled" : order.orderStatus;
  url.searchParams.append("points_status", status);
  url.searchParams.append("points_order_id", order.uuid);
  return url.toString();
}

export function payCheckout(state: SimState, order: SimOrder, mode: PayMode): SimOrder {
  return state.orders.pay(order, mode);
}

export function abandonCheckout(state: SimState, order: SimOrder, reason?: string | null): SimOrder {
  return state.orders.cancel(order.uuid, reason ?? null, "abandon");
}

/** Session id, order uuid or order_number of a checkout order. */
export function findCheckout(state: SimState, id: string): SimOrder | undefined {
  return (
    state.orders.findBySession(id) ??
    state.orders.find(id) ??
    state.orders.findByNumber(id).find((o) => o.channel === "checkout")
  );
}
