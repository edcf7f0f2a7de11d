"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/ui/states";

// Unexpected failures: a generic message (the details are in the server log, never in the browser).
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("PageError");
  return <ErrorState title={t("title")} message={t("body")} onRetry={reset} />;
}
