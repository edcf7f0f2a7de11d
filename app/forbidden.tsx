import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main className="mx-auto max-w-lg p-10" data-testid="forbidden">
      <h1 className="text-xl font-semibold">{t("Forbidden.title")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("Forbidden.body")}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-accent underline">
        {t("NotFound.home")}
      </Link>
    </main>
  );
}
