// The overview: how today is going, each figure a link into the list it counts.
import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Ltr } from "@/components/i18n/ltr";
import { OrderStatusLabel } from "@/components/i18n/order-status-label";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { gatherOverview } from "@/lib/overview/gather-overview";
import { riyadhLocalMinute, type WindowName } from "@/lib/overview/windows";
import { getDisplayFormat } from "@/i18n/display-format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Overview"))("metaTitle") };
}

function Figure({
  href,
  label,
  value,
  testId,
  tone,
}: {
  href: string;
  label: ReactNode;
  value: string;
  testId: string;
  tone?: "danger" | "warning";
}) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="group flex items-center justify-between gap-3 rounded-md px-2 py-1.5 hover:bg-surface-muted"
    >
      <span className="text-sm text-muted-foreground group-hover:text-foreground">{label}</span>
      <span className="flex items-center gap-1">
        <span
          className={cn(
            "text-base font-semibold tabular-nums",
            tone === "danger" && "text-danger-fg",
            tone === "warning" && "text-warning-fg",
          )}
        >
          {value}
        </span>
        <ChevronRight aria-hidden className="size-3.5 text-muted-foreground rtl:-scale-x-100" />
      </span>
    </Link>
  );
}

const passedSteps = (run: { steps: Array<{ status: string }> }) =>
  run.steps.filter((s) => s.status === "passed").length;

const smokeTone: Record<string, Tone> = { running: "info", passed: "success", failed: "danger" };

export default async function OverviewPage() {
  const user = await requireUser("viewer");
  const [overview, t, format] = await Promise.all([
    gatherOverview(getDb(), user.role),
    getTranslations("Overview"),
    getDisplayFormat(),
  ]);
  const { windows, orders, ops } = overview;
  const n = format.number;
  const since = (name: WindowName) => riyadhLocalMinute(windows[name]);
  const alarm = (count: number) => (count > 0 ? "danger" : undefined);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("subtitle")}{" "}
            <span className="whitespace-nowrap">{t("asOf", { time: format.dateTime(windows.now) })}</span>
          </>
        }
      />
      <div className="grid items-start gap-4 md:grid-cols-2 xl:grid-cols-3">
        {ops && (
          <Card data-testid="overview-deliveries">
            <CardHeader>
              <CardTitle>{t("deliveries.title")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 sm:grid-cols-2">
              {(["today", "last24h"] as const).map((name) => {
                const c = ops.deliveries.windows[name];
                const from = `from=${encodeURIComponent(since(name))}`;
                return (
                  <div key={name}>
                    <h3 className="mb-1 px-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
                      {t(name)}
                    </h3>
                    <Figure
                      href={`/webhooks?${from}`}
                      label={t("deliveries.received")}
                      value={n(c.received)}
                      testId={`deliveries-received-${name}`}
                    />
                    <Figure
                      href={`/webhooks?status=failed&${from}`}
                      label={t("deliveries.failed")}
                      value={n(c.failed)}
                      testId={`deliveries-failed-${name}`}
                      tone={alarm(c.failed)}
                    />
                    <Figure
                      href={`/webhooks?status=dead&${from}`}
                      label={t("deliveries.dead")}
                      value={n(c.dead)}
                      testId={`deliveries-dead-${name}`}
                      tone={alarm(c.dead)}
                    />
                    <Figure
                      href="/webhooks#verification"
                      label={t("deliveries.verificationFailures")}
                      value={n(c.verificationFailures)}
                      testId={`verification-failures-${name}`}
                      tone={c.verificationFailures ? "warning" : undefined}
                    />
                  </div>
                );
              })}
              <div className="sm:col-span-2">
                <Figure
                  href="/webhooks?status=pending"
                  label={t("deliveries.queueDepth")}
                  value={n(ops.deliveries.queueDepth)}
                  testId="queue-depth"
                  tone={ops.deliveries.queueDepth > 0 ? "warning" : undefined}
                />
              </div>
            </CardContent>
          </Card>
        )}

        <Card data-testid="overview-orders">
          <CardHeader>
            <CardTitle>{t("orders.title")}</CardTitle>
            <p className="text-xs text-muted-foreground">
              {t("orders.total", { count: orders.total, n: n(orders.total) })}
            </p>
          </CardHeader>
          <CardContent>
            {orders.byStatus.map(({ status, count }) => (
              <Figure
                key={status}
                href={`/orders?status=${encodeURIComponent(status)}`}
                label={<OrderStatusLabel status={status} />}
                value={n(count)}
                testId={`orders-status-${status}`}
              />
            ))}
            <div className="mt-2 border-t pt-2">
              <Figure
                href={`/orders?from=${since("today").slice(0, 10)}`}
                label={t("orders.updatedToday")}
                value={n(orders.changedToday)}
                testId="orders-changed-today"
              />
            </div>
          </CardContent>
        </Card>

        <Card data-testid="overview-refunds">
          <CardHeader>
            <CardTitle>{t("orders.refundsPending")}</CardTitle>
          </CardHeader>
          <CardContent>
            <p
              className={cn("px-2 text-2xl font-semibold tabular-nums", orders.refundsPending > 0 && "text-warning-fg")}
              data-testid="refunds-pending"
            >
              {n(orders.refundsPending)}
            </p>
            {orders.pendingRefundOrders.length > 0 && (
              <div className="mt-2 flex flex-wrap items-center gap-2 px-2 text-sm">
                <span className="text-muted-foreground">{t("orders.pendingFor")}</span>
                {orders.pendingRefundOrders.map((o) => (
                  <Link
                    key={o.pointsUuid}
                    href={`/orders/${o.pointsUuid}`}
                    className="font-mono text-accent hover:underline"
                  >
                    <Ltr>{o.orderNumber}</Ltr>
                  </Link>
                ))}
              </div>
            )}
          </CardContent>
        </Card>

        {ops && (
          <>
            <Card data-testid="overview-reconciliation">
              <CardHeader>
                <CardTitle>{t("reconciliation.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                <Figure
                  href="/reconciliation?status=open"
                  label={t("reconciliation.openDifferences")}
                  value={n(ops.reconciliation.openDifferences)}
                  testId="open-differences"
                  tone={alarm(ops.reconciliation.openDifferences)}
                />
                <Figure
                  href="/reconciliation#flags"
                  label={t("reconciliation.openFlags")}
                  value={n(ops.reconciliation.openFlags)}
                  testId="open-flags"
                  tone={ops.reconciliation.openFlags ? "warning" : undefined}
                />
              </CardContent>
            </Card>

            <Card data-testid="overview-alerts">
              <CardHeader>
                <CardTitle>{t("alerts.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                {ops.alerts.count === 0 ? (
                  <Figure href="/alerts" label={t("alerts.none")} value={n(0)} testId="firing-alerts" />
                ) : (
                  <>
                    <Figure
                      href="/alerts"
                      label={t("alerts.firing")}
                      value={n(ops.alerts.count)}
                      testId="firing-alerts"
                      tone="warning"
                    />
                    <Figure
                      href="/alerts"
                      label={t("alerts.critical")}
                      value={n(ops.alerts.critical)}
                      testId="critical-alerts"
                      tone={alarm(ops.alerts.critical)}
                    />
                  </>
                )}
              </CardContent>
            </Card>

            <Card data-testid="overview-smoke">
              <CardHeader>
                <CardTitle>{t("smoke.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                {ops.smoke ? (
                  <Link
                    href="/go-live"
                    className="flex flex-col gap-1 rounded-md px-2 py-1.5 hover:bg-surface-muted"
                    data-testid="last-smoke-run"
                  >
                    <span className="flex items-center gap-2">
                      <Badge tone={smokeTone[ops.smoke.status]}>{t(`smoke.status.${ops.smoke.status}`)}</Badge>
                      <span className="text-sm text-muted-foreground">
                        {t("smoke.steps", {
                          passed: passedSteps(ops.smoke),
                          n: n(passedSteps(ops.smoke)),
                          total: n(ops.smoke.steps.length),
                        })}
                      </span>
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {t("smoke.startedAt", { time: format.dateTime(ops.smoke.startedAt) })}
                    </span>
                  </Link>
                ) : (
                  <Figure href="/go-live" label={t("smoke.never")} value="" testId="last-smoke-run" />
                )}
              </CardContent>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
