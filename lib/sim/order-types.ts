import type { Product, ShippingStatus } from "./schemas";

export const ORDER_STATUSES = [
  "new",
  "approved",
  "authorized",
  "captured",
  "cancelled",
  "partially_refunded",
  "fully_refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type WebhookEvent =
  | "approved"
  | "authorized"
  | "captured"
  | "cancelled"
  | "completed"
  | "refunded"
  | "auto_refunded"
  | "shipping_status_updated";

/** Which endpoint created the order; drives its idempotency namespace. */
export type OrderChannel = "purchase" | "store_rating" | "product_rating" | "checkout";

export interface SimOrder {
  id: number;
  uuid: string;
  referenceNumber: string;
  orderNumber: string;
  channel: OrderChannel;
  type: 1 | 2;
  orderStatus: OrderStatus;
  totalPriceCents: number;
  refundedCents: number;
  totalPoints: number;
  metadata: Record<string, unknown> | null;
  items: Product[];
  phone: string | null;
  name: string | null;
  amounts: { shipping: number | null; tax: number | null; discount: number | null };
  shippingAddress: Record<string, unknown> | null;
  shippingStatus: ShippingStatus | null;
  customStatus: { ar: string | null; en: string | null } | null;
  callbackUrl: string | null;
  sessionId: string | null;
  cancelReason: string | null;
  paymentMethod: string | null;
  pendingActivation: boolean;
  rating: { value: number | null; comment: string | null; productId: string | null; productName: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
}

export type OrderAction =
  | "authorize"
  | "capture"
  | "complete"
  | "cancel"
  | "refund"
  | "shipping"
  | "pay"
  | "abandon"
  | "auto_refund"
  | "activate";

/**
 * points-api.md §3.3 action × state matrix, with every "?" decided here
 * (each decision is listed in docs/sandbox-double.md).
 */
export const ALLOWED: Record<OrderAction, readonly OrderStatus[]> = {
  authorize: ["new"],
  capture: ["authorized"],
  complete: ["new", "authorized"],
  // E9 documents only two rejections: already cancelled, already refunded.
  cancel: ["new", "authorized", "approved", "captured"],
  refund: ["approved", "captured", "partially_refunded"],
  shipping: ORDER_STATUSES,
  pay: ["new"],
  abandon: ["new"],
  auto_refund: ["approved", "captured", "partially_refunded"],
  activate: ["new"],
};

export const ACTION_VERB: Record<OrderAction, string> = {
  authorize: "authorized",
  capture: "captured",
  complete: "completed",
  cancel: "cancelled",
  refund: "refunded",
  shipping: "given a shipping status",
  pay: "paid",
  abandon: "abandoned",
  auto_refund: "auto-refunded",
  activate: "activated",
};
