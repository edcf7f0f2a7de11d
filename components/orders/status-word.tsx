import { useTranslations } from "next-intl";
import { Ltr } from "@/components/i18n/ltr";

type Namespace = "Orders.shipping" | "OrderPage.payment" | "OrderPage.settlement";

/**
 * A status Points sends (shipping, payment, settlement) in the reader's language; a value Points
 * documents no meaning for, or adds later, is shown as sent, left to right. Not async: it renders in
 * each row of the order list, where an async component per row was streamed as a chunk of its own
 * (a search's payload 41 → 28 KB, and 20–30 ms less from Enter to results in `npm run bench:pages`).
 */
export function StatusWord({ namespace, value }: { namespace: Namespace; value: string | null }) {
  const t = useTranslations(namespace);
  if (!value) return "—";
  const key = value as Parameters<typeof t>[0];
  return t.has(key) ? t(key) : <Ltr>{value}</Ltr>;
}
