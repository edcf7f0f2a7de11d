import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

// Orders exist here only once Points has sent a webhook for them (or an API read stored them).
export default async function OrderNotFound() {
  const t = await getTranslations("OrderPage.notFound");
  return (
    <EmptyState
      title={t("title")}
      description={t("description")}
      action={
        <Link href="/orders" className={buttonClasses({ variant: "secondary" })}>
          {t("back")}
        </Link>
      }
    />
  );
}
