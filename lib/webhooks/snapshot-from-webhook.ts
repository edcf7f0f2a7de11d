import type { OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import type { WebhookEnvelope } from "./envelope";

const ARABIC = /[\u0600-\u06FF]/;

export function snapshotFromWebhook({ event, order }: WebhookEnvelope): OrderSnapshot {
  return {
    uuid: order.id,
    orderNumber: order.order_number,
    referenceNumber: order.reference_number ?? null,
    type: order.type,
    orderStatus: order.order_status,
    paymentStatus: order.payment_status ?? null,
    totalPrice: order.total_price,
    totalPoints: order.total_points,
    metadata: order.metadata ?? null,
    createdAt: order.created_at ?? null,
    updatedAt: order.updated_at,
    shipping: event === "shipping_status_updated" ? shippingFrom(order) : undefined,
    refundedTotal: order.refunded_total ?? null,
  };
}

// The webhook carries one `status_label`; the docs' example is Arabic, but the
// merchant may have sent only an English label, so the script decides.
function shippingFrom(order: WebhookEnvelope["order"]): NonNullable<OrderSnapshot["shipping"]> {
  const label = order.status_label ?? null;
  return {
    status: order.status === null || order.status === undefined ? null : String(order.status),
    labelAr: order.custom_status?.ar ?? (label && ARABIC.test(label) ? label : null),
    labelEn: order.custom_status?.en ?? (label && !ARABIC.test(label) ? label : null),
  };
}
