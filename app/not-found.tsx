import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("body")}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-accent underline">
        {t("home")}
      </Link>
    </main>
  );
}
