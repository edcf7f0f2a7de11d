import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";

type Namespace = "Orders.shipping" | "OrderPage.payment" | "OrderPage.settlement";

/**
 * A status Points sends (shipping, payment, settlement) in the reader's language; a value Points
 * documents no meaning for, or adds later, is shown as sent, left to right.
 */
export async function StatusWord({ namespace, value }: { namespace: Namespace; value: string | null }) {
  if (!value) return "—";
  const t = await getTranslations(namespace);
  const key = value as Parameters<typeof t>[0];
  return t.has(key) ? t(key) : <Ltr>{value}</Ltr>;
}
