// The tags the Timeline and StaffActions messages use around their values:
// <v> an identifier or amount (kept left to right), <u> text a person typed
// (its own direction, Arabic or not).
import type { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Ltr } from "@/components/i18n/ltr";
import { ORDER_STATUSES } from "@/lib/orders/order-search-params";

export const valueTags = {
  v: (chunks: ReactNode) => <Ltr>{chunks}</Ltr>,
  u: (chunks: ReactNode) => <bdi dir="auto">{chunks}</bdi>,
};

type OrderStatus = (typeof ORDER_STATUSES)[number];
const isKnown = (status: string): status is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(status);

/** An order status in words; one Points adds later stays as sent. */
export function orderStatusText(t: Awaited<ReturnType<typeof getTranslations<"OrderStatus">>>, status: string): string {
  return isKnown(status) ? t(status) : status;
}

/** A shipping status in words; one Points documents no meaning for, or adds later, stays as sent. */
export function shippingStatusText(
  t: Awaited<ReturnType<typeof getTranslations<"Orders.shipping">>>,
  status: string,
): string {
  const key = status as Parameters<typeof t>[0];
  return t.has(key) ? t(key) : status;
}
