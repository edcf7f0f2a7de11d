import type { OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { orderPhones } from "@/lib/orders/search-keys";
import { shippingLabels } from "@/lib/orders/shipping-labels";
import type { WebhookEnvelope } from "./envelope";

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
    phones: orderPhones(order),
  };
}

function shippingFrom(order: WebhookEnvelope["order"]): NonNullable<OrderSnapshot["shipping"]> {
  return {
    status: order.status === null || order.status === undefined ? null : String(order.status),
    ...shippingLabels(order.status_label, order.custom_status),
  };
}
