// The order in which a Points order's statuses follow one another. Points'
// updated_at may have whole seconds only, so two snapshots of one order can
// carry the same instant (a partial refund, then the full refund); the later
// state is then the newer snapshot.

/** Financial status, points-api.md §3.3: new → authorized → captured → approved → refunds; cancelled and fully_refunded are final. */
export const FINANCIAL_STATUS_ORDER = [
  "new",
  "authorized",
  "captured",
  "approved",
  "partially_refunded",
  "cancelled",
  "fully_refunded",
] as const;

/** Shipping status, §3.4 (no transitions documented; the listed order is the journey of a parcel). */
export const SHIPPING_STATUS_ORDER = [
  "new",
  "license_in_progress",
  "ready_shipping",
  "delivery_is_in_progress",
  "delivered",
  "cancelled",
] as const;

/** Position of a status in its order; one this version does not know ranks after every known one. */
export function statusRank(order: readonly string[], status: string | null | undefined): number {
  const i = order.indexOf(status ?? "");
  return i === -1 ? order.length : i;
}
