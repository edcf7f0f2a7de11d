import { useTranslations } from "next-intl";
import { ORDER_STATUSES } from "@/lib/orders/order-search-params";

type KnownStatus = (typeof ORDER_STATUSES)[number];
const isKnown = (status: string): status is KnownStatus => (ORDER_STATUSES as readonly string[]).includes(status);

/** An order status in the user's language; a status Points adds later shows as sent, left to right. */
export function OrderStatusLabel({ status }: { status: string }) {
  const t = useTranslations("OrderStatus");
  return isKnown(status) ? t(status) : <bdi dir="ltr">{status}</bdi>;
}
