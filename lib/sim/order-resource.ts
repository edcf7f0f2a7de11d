import { FIDELITY_PRESETS, type Fidelity } from "./fidelity";
import { fromCents } from "./money";
import type { OrderStatus, SimOrder } from "./order-types";

// ASSUMPTION: meaning of the numeric `status` is UNKNOWN (§8.10); the docs'
// example pairs `approved` with 1, the rest is our legacy-code guess.
const LEGACY_STATUS: Record<OrderStatus, number> = {
  new: 0,
  approved: 1,
  authorized: 2,
  captured: 3,
  cancelled: 4,
  partially_refunded: 5,
  fully_refunded: 6,
};

// ASSUMPTION: only `settled` is documented.
function settlementStatus(status: OrderStatus): string {
  if (status === "new" || status === "authorized") return "pending";
  if (status === "cancelled") return "cancelled";
  if (status === "fully_refunded") return "reversed";
  return "settled";
}

// ASSUMPTION: the enum has only two values; unpaid orders report partially_paid.
function paymentStatus(order: SimOrder): "fully_paid" | "partially_paid" {
  if (order.type === 1) return order.orderStatus === "new" ? "partially_paid" : "fully_paid";
  return order.paymentMethod !== null && order.orderStatus !== "authorized" ? "fully_paid" : "partially_paid";
}

const iso = (d: Date) => d.toISOString();
// Whole seconds as the docs' examples write them: `.000Z` in API answers (§3.1), `Z` in webhooks (§4.2).
const apiTime = (d: Date, f: Fidelity) => (f.timestampPrecision === "s" ? `${iso(d).slice(0, 19)}.000Z` : iso(d));
const webhookTime = (d: Date, f: Fidelity) => (f.timestampPrecision === "s" ? `${iso(d).slice(0, 19)}Z` : iso(d));

function statusLabel(order: SimOrder, f: Fidelity): string | null {
  const c = order.customStatus;
  return (f.statusLabel === "ar" ? (c?.ar ?? c?.en) : (c?.en ?? c?.ar)) ?? null;
}

function since(d: Date, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - d.getTime()) / 1000));
  if (s < 60) return s <= 1 ? "1 second ago" : `${s} seconds ago`;
  const m = Math.round(s / 60);
  if (m < 60) return m === 1 ? "1 minute ago" : `${m} minutes ago`;
  const h = Math.round(m / 60);
  if (h < 24) return h === 1 ? "1 hour ago" : `${h} hours ago`;
  const days = Math.round(h / 24);
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

/** Order resource of points-api.md §3.1 (API responses). */
export function toApiOrder(order: SimOrder, f: Fidelity) {
  const day = new Date(
    Date.UTC(order.createdAt.getUTCFullYear(), order.createdAt.getUTCMonth(), order.createdAt.getUTCDate()),
  );
  return {
    id: order.id,
    uuid: order.uuid,
    reference_number: order.referenceNumber,
    order_status: order.orderStatus,
    status_label: statusLabel(order, f),
    custom_status: order.customStatus,
    order_number: order.orderNumber,
    type: order.type,
    total_price: fromCents(order.totalPriceCents),
    total_points: order.totalPoints,
    metadata: order.metadata,
    date: iso(day),
    time: iso(order.createdAt).slice(11, 19),
    since: since(order.createdAt),
    settlement_status: settlementStatus(order.orderStatus),
    status: LEGACY_STATUS[order.orderStatus],
    // ASSUMPTION: extra keys; the API field name of the shipping enum is UNKNOWN (§8.10).
    ...(f.apiExtraKeys ? { shipping_status: order.shippingStatus, payment_status: paymentStatus(order) } : {}),
    created_at: apiTime(order.createdAt, f),
    updated_at: apiTime(order.updatedAt, f),
    items: order.items,
  };
}

/** Per-event extras of §4.3 as this fidelity sends them. */
export function webhookExtras(
  event: string,
  order: SimOrder,
  f: Fidelity,
  refund?: { refundCents: number },
): Record<string, unknown> {
  if (event === "cancelled") return { reason: order.cancelReason };
  if (event === "shipping_status_updated") {
    const status = f.webhookShippingStatus === "enum" ? order.shippingStatus : LEGACY_STATUS[order.orderStatus];
    return { status, status_label: statusLabel(order, f) };
  }
  if (refund && f.refundExtras) return refundFigures(order, refund.refundCents);
  return {};
}

/** ASSUMPTION (§8.9): this refund and the total refunded so far. */
export function refundFigures(order: SimOrder, refundCents: number) {
  return { refund_amount: fromCents(refundCents), refunded_total: fromCents(order.refundedCents) };
}

export { webhookTime };

/** `order` object of the webhook envelope, §4.2 (plus the per-event extras). */
export function toWebhookOrder(order: SimOrder, extras: Record<string, unknown>, f: Fidelity) {
  return {
    id: order.uuid,
    reference_number: order.referenceNumber,
    order_number: order.orderNumber,
    type: order.type === 1 ? "earning" : "replacing",
    total_price: fromCents(order.totalPriceCents),
    total_points: order.totalPoints,
    payment_status: paymentStatus(order),
    order_status: order.orderStatus,
    metadata: order.metadata,
    created_at: webhookTime(order.createdAt, f),
    updated_at: webhookTime(order.updatedAt, f),
    ...extras,
  };
}

/** Control-API view: everything the real API hides, for tests and the seed. */
export function toControlOrder(order: SimOrder, baseUrl: string) {
  return {
    ...toApiOrder(order, FIDELITY_PRESETS.extended),
    channel: order.channel,
    refunded_total: fromCents(order.refundedCents),
    phone_number: order.phone,
    name: order.name,
    amounts: order.amounts,
    shipping_address: order.shippingAddress,
    callback_url: order.callbackUrl,
    session_id: order.sessionId,
    checkout_url: order.sessionId ? `${baseUrl}/session/${order.sessionId}` : null,
    cancel_reason: order.cancelReason,
    payment_method: order.paymentMethod,
    pending_activation: order.pendingActivation,
    rating: order.rating,
  };
}
