import type { Metadata } from "next";
import Link from "next/link";
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
import { EvaluateButton } from "./evaluate-button";

export const metadata: Metadata = { title: "Alerts" };
// "Evaluate now" runs the checks (and any posts) in this page's function.
export const maxDuration = 60;

export default async function AlertsPage() {
  const user = await requireUser("ops");
  const db = getDb();
  const [{ firing, resolved }, charts] = await Promise.all([listAlerts(db), alertCharts(db)]);
  const webhookConfigured = Boolean(getConfig().alertWebhookUrl);

  return (
    <>
      <PageHeader
        title="Alerts"
        description={
          <>
            Rules on Points errors, webhook failures, overdue confirmations and reconciliation differences, evaluated
            every 30 to 60 seconds.
            {hasRole(user.role, "admin") && (
              <>
                {" "}
                <Link href="/settings/alerts" className="font-medium text-accent underline-offset-2 hover:underline">
                  Thresholds
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
            <CardTitle>Firing</CardTitle>
            <CardDescription>
              An alert fires once when its rule starts holding, stays while it holds and resolves by itself.
              {webhookConfigured
                ? " Each is posted to the alert webhook when it fires and when it resolves."
                : " ALERT_WEBHOOK_URL is not set, so alerts are shown here only."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {firing.length === 0 ? (
              <p className="text-sm text-muted-foreground" data-testid="no-firing-alerts">
                Nothing is firing.
              </p>
            ) : (
              <AlertTable alerts={firing} label="Firing alerts" webhookConfigured={webhookConfigured} />
            )}
          </CardContent>
        </Card>

        <AlertChartsPanel charts={charts} />

        <Card>
          <CardHeader>
            <CardTitle>Recently resolved</CardTitle>
            <CardDescription>The newest {RESOLVED_SHOWN}.</CardDescription>
          </CardHeader>
          <CardContent>
            {resolved.length === 0 ? (
              <p className="text-sm text-muted-foreground">No alert has resolved yet.</p>
            ) : (
              <AlertTable alerts={resolved} label="Resolved alerts" webhookConfigured={webhookConfigured} />
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
