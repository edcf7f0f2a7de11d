// An order as the API returns it (points-api.md §3.1) → our OrderSnapshot.
import type { OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { orderPhones } from "@/lib/orders/search-keys";
import { shippingLabels } from "@/lib/orders/shipping-labels";
import { SHIPPING_STATUSES } from "@/lib/points/request-schemas";
import type { ApiOrder } from "@/lib/points/schemas";

/**
 * The API's numeric `status` is not the shipping enum (§3.1, §8.10), so the
 * shipping status is only taken from a `shipping_status` key holding an enum
 * value, which the docs do not promise; otherwise it stays null and
 * applyOrderSnapshot keeps the one it has.
 */
function shippingFrom(order: ApiOrder): OrderSnapshot["shipping"] {
  const label = order.status_label ?? null;
  const custom = order.custom_status ?? null;
  if (label === null && (custom === null || (custom.ar == null && custom.en == null))) return undefined;
  const raw = order.shipping_status;
  const status = typeof raw === "string" && (SHIPPING_STATUSES as readonly string[]).includes(raw) ? raw : null;
  return { status, ...shippingLabels(label, custom) };
}

/** `refundedTotal`: SAR refunded so far when known, e.g. from a refund answer's appended_data. */
export function snapshotFromApi(order: ApiOrder, extra: { refundedTotal?: number | null } = {}): OrderSnapshot {
  return {
    uuid: order.uuid,
    orderNumber: order.order_number,
    referenceNumber: order.reference_number ?? null,
    type: order.type === 1 ? "earning" : "replacing",
    orderStatus: order.order_status,
    paymentStatus: order.payment_status ?? null,
    totalPrice: order.total_price,
    totalPoints: order.total_points,
    metadata: order.metadata ?? null,
    createdAt: order.created_at ?? null,
    updatedAt: order.updated_at,
    shipping: shippingFrom(order),
    refundedTotal: extra.refundedTotal ?? null,
    phones: orderPhones(order),
    details: {
      items: order.items ?? null,
      settlementStatus: order.settlement_status ?? null,
      date: order.date ?? null,
      time: order.time ?? null,
    },
  };
}
