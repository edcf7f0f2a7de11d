import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { flattenThresholds } from "@/lib/alerts/save-thresholds";
import { defaultThresholds, loadThresholds, THRESHOLDS_KEY } from "@/lib/alerts/thresholds";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { getDisplayFormat } from "@/i18n/display-format";
import { resetAlertThresholdsAction, saveAlertThresholdsAction } from "./actions";
import { ThresholdsForm } from "./thresholds-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings.thresholds"))("metaTitle") };
}

export default async function AlertThresholdsPage() {
  await requireUser("admin");
  const db = getDb();
  const [t, format] = await Promise.all([getTranslations("Settings.thresholds"), getDisplayFormat()]);
  const [thresholds, stored] = await Promise.all([
    loadThresholds(db),
    db.appSetting.findUnique({ where: { key: THRESHOLDS_KEY } }),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={stored ? t("changed", { at: format.dateTime(stored.updatedAt) }) : t("defaults")}
      />
      {/* Keyed by the stored version so that a save or reset shows the values now in force. */}
      <ThresholdsForm
        key={stored?.updatedAt.toISOString() ?? "defaults"}
        values={flattenThresholds(thresholds)}
        defaults={flattenThresholds(defaultThresholds())}
        save={saveAlertThresholdsAction}
        reset={resetAlertThresholdsAction}
      />
    </>
  );
}
