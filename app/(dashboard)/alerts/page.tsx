import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { AlertChartsPanel } from "@/components/alerts/alert-charts-panel";
import { AlertTable } from "@/components/alerts/alert-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { alertCharts } from "@/lib/alerts/alert-charts";
import { listAlerts, RESOLVED_SHOWN } from "@/lib/alerts/list-alerts";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { getDisplayFormat } from "@/i18n/display-format";
import { EvaluateButton } from "./evaluate-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Alerts"))("metaTitle") };
}
// "Evaluate now" runs the checks (and any posts) in this page's function.
export const maxDuration = 60;

export default async function AlertsPage() {
  const user = await requireUser("ops");
  const db = getDb();
  const [{ firing, resolved }, charts, t, format] = await Promise.all([
    listAlerts(db),
    alertCharts(db),
    getTranslations("Alerts"),
    getDisplayFormat(),
  ]);
  const webhookConfigured = Boolean(getConfig().alertWebhookUrl);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("description")}
            {hasRole(user.role, "admin") && (
              <>
                {" "}
                <Link href="/settings/alerts" className="font-medium text-accent underline-offset-2 hover:underline">
                  {t("thresholdsLink")}
                </Link>
              </>
            )}
          </>
        }
        actions={<EvaluateButton />}
      />
      <div className="grid gap-5">
        <Card>
          <CardHeader>
            <CardTitle>{t("firingTitle")}</CardTitle>
            <CardDescription>
              {t("firingDescription")}{" "}
              {webhookConfigured ? t("posted") : t.rich("notConfigured", { code: (chunks) => <Ltr>{chunks}</Ltr> })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {firing.length === 0 ? (
              <p className="text-sm text-muted-foreground" data-testid="no-firing-alerts">
                {t("nothingFiring")}
              </p>
            ) : (
              <AlertTable alerts={firing} label={t("firingTable")} webhookConfigured={webhookConfigured} />
            )}
          </CardContent>
        </Card>

        <AlertChartsPanel charts={charts} />

        <Card>
          <CardHeader>
            <CardTitle>{t("resolvedTitle")}</CardTitle>
            <CardDescription>{t("resolvedDescription", { n: format.number(RESOLVED_SHOWN) })}</CardDescription>
          </CardHeader>
          <CardContent>
            {resolved.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noneResolved")}</p>
            ) : (
              <AlertTable alerts={resolved} label={t("resolvedTable")} webhookConfigured={webhookConfigured} />
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
