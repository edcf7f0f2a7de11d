import type { OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { orderPhones } from "@/lib/orders/search-keys";
import { shippingLabels } from "@/lib/orders/shipping-labels";
import { SHIPPING_STATUSES } from "@/lib/points/request-schemas";
import type { WebhookEnvelope } from "@/lib/points/envelope";

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
    refundEvent: event === "refunded" || event === "auto_refunded" ? event : undefined,
    refundAmount: order.refund_amount ?? null,
    phones: orderPhones(order),
  };
}

// The format of `status` is not shown (points-api.md §4.3, §8.10): only a shipping enum value is
// taken as one; anything else (e.g. a numeric code like the API's) keeps the status we have.
const isShippingStatus = (v: unknown): v is string => (SHIPPING_STATUSES as readonly unknown[]).includes(v);

function shippingFrom(order: WebhookEnvelope["order"]): NonNullable<OrderSnapshot["shipping"]> {
  return {
    status: isShippingStatus(order.status) ? order.status : null,
    ...shippingLabels(order.status_label, order.custom_status),
  };
}
