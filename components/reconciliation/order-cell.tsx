import { useTranslations } from "next-intl";
import Link from "next/link";
import { Ltr } from "@/components/i18n/ltr";
import { Td } from "@/components/ui/table";

/** The order a difference or flag is about: its page when we hold it, else the bare uuid. */
export function OrderCell({ orderUuid, orderNumber }: { orderUuid: string; orderNumber: string | null }) {
  const t = useTranslations("Reconciliation.differences");
  return (
    <Td mono>
      {orderNumber ? (
        <Link href={`/orders/${orderUuid}`} className="text-accent underline-offset-2 hover:underline">
          <Ltr>{orderNumber}</Ltr>
        </Link>
      ) : (
        <span title={t("noOrder")}>
          <Ltr>{orderUuid}</Ltr>
        </span>
      )}
    </Td>
  );
}
