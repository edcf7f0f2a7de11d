import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { flattenThresholds } from "@/lib/alerts/save-thresholds";
import { defaultThresholds, loadThresholds, THRESHOLDS_KEY } from "@/lib/alerts/thresholds";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format";
import { resetAlertThresholdsAction, saveAlertThresholdsAction } from "./actions";
import { ThresholdsForm } from "./thresholds-form";

export const metadata: Metadata = { title: "Alert thresholds" };

export default async function AlertThresholdsPage() {
  await requireUser("admin");
  const db = getDb();
  const [thresholds, stored] = await Promise.all([
    loadThresholds(db),
    db.appSetting.findUnique({ where: { key: THRESHOLDS_KEY } }),
  ]);
  return (
    <>
      <PageHeader
        title="Alert thresholds"
        description={
          stored
            ? `Changed ${formatDateTime(stored.updatedAt)}; every change is in the audit log.`
            : "The defaults are in force. Every change is recorded in the audit log."
        }
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
