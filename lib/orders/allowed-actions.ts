// Which staff actions the dashboard offers for an order, from the action ×
// state matrix of points-api.md §3.3 and the staff member's role. Points stays
// authoritative ("if allowed"): a refusal from it is still shown as a message.
import { hasRole, type Role } from "@/lib/auth/roles";

export const ORDER_ACTIONS = ["refund", "cancel", "shipping", "complete", "authorize", "capture"] as const;
export type OrderActionKind = (typeof ORDER_ACTIONS)[number];

export const ACTION_ROLE: Record<OrderActionKind, Role> = {
  shipping: "support",
  refund: "admin",
  cancel: "admin",
  complete: "admin",
  authorize: "admin",
  capture: "admin",
};

// "?" cells of the matrix are offered: the server decides.
const ALLOWED: Record<OrderActionKind, readonly string[]> = {
  authorize: ["new"],
  capture: ["authorized"],
  complete: ["new", "authorized", "captured"],
  cancel: ["new", "authorized", "captured", "approved"],
  refund: ["captured", "approved", "partially_refunded"],
  shipping: ["new", "authorized", "captured", "approved", "partially_refunded", "fully_refunded", "cancelled"],
};

export interface OrderForActions {
  type: "earning" | "replacing";
  orderStatus: string;
  /** SAR still refundable: the refund ledger's figure (`RefundPosition.refundable`), the one source of it. */
  refundable: number;
}

export function stateAllows(action: OrderActionKind, order: OrderForActions): boolean {
  if (!ALLOWED[action].includes(order.orderStatus)) return false;
  // complete, authorize and capture concern the checkout (replacing) flow only.
  if ((action === "complete" || action === "authorize" || action === "capture") && order.type !== "replacing")
    return false;
  if (action === "refund") return order.refundable > 0;
  return true;
}

export function allowedActions(order: OrderForActions, role: Role): OrderActionKind[] {
  return ORDER_ACTIONS.filter((a) => hasRole(role, ACTION_ROLE[a]) && stateAllows(a, order));
}
