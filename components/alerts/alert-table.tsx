import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { richMessage, type LooseTranslator } from "@/components/i18n/rich-message";
import { Badge, type Tone } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import { requestPreferences } from "@/i18n/request-preferences";
import { alertSummary, ruleTitle } from "@/lib/alerts/alert-message";
import type { AlertRow } from "@/lib/alerts/list-alerts";
import { notificationStatus, type NotificationStatus } from "@/lib/alerts/notification-status";

const notificationTone: Record<NotificationStatus["kind"], Tone> = {
  posted: "success",
  waiting: "warning",
  failed: "danger",
  none: "neutral",
};

export async function AlertTable({
  alerts,
  label,
  webhookConfigured,
}: {
  alerts: AlertRow[];
  label: string;
  webhookConfigured: boolean;
}) {
  const [t, format, { locale }] = await Promise.all([
    getTranslations("Alerts"),
    getDisplayFormat(),
    requestPreferences(),
  ]);
  const loose = t as unknown as LooseTranslator;
  const say = (m: Parameters<typeof richMessage>[1]) => richMessage(loose, m, format, locale);
  const code = (chunks: React.ReactNode) => <Ltr>{chunks}</Ltr>;
  const resolved = alerts.some((a) => a.state === "resolved");
  return (
    <Table label={label} stickyHeader={false}>
      <THead>
        <tr>
          <Th>{t("columns.alert")}</Th>
          <Th>{t("columns.summary")}</Th>
          <Th>{t("columns.fired")}</Th>
          <Th>{resolved ? t("columns.resolved") : t("columns.lastSeen")}</Th>
          <Th>{t("columns.notification")}</Th>
        </tr>
      </THead>
      <TBody>
        {alerts.map((a) => {
          const status = notificationStatus(a, webhookConfigured);
          // Rows stored before their detail carried every count keep their stored English summary.
          const summary = alertSummary(a.rule, a.detail);
          return (
            <tr key={a.id.toString()} data-testid={`alert-${a.rule}`} data-state={a.state}>
              <Td>
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium">{say(ruleTitle(a.rule))}</span>
                  <Badge tone={a.state === "resolved" ? "neutral" : a.severity === "critical" ? "danger" : "warning"}>
                    {t(
                      `state.${a.state === "resolved" ? "resolved" : a.severity === "critical" ? "critical" : "warning"}`,
                    )}
                  </Badge>
                </div>
                <Ltr className="block font-mono text-xs text-muted-foreground">{a.rule}</Ltr>
              </Td>
              <Td className="min-w-64">
                {summary ? (
                  say(summary)
                ) : (
                  <span lang="en" dir="ltr">
                    {a.summary}
                  </span>
                )}
              </Td>
              <Td className="whitespace-nowrap">{format.dateTime(a.firedAt)}</Td>
              <Td className="whitespace-nowrap">{format.dateTime(a.resolvedAt ?? a.lastSeenAt)}</Td>
              <Td>
                <div className="grid gap-0.5">
                  <Badge tone={notificationTone[status.kind]} className="w-fit">
                    {t(`notification.${status.label}`)}
                  </Badge>
                  {status.at && <span className="text-xs text-muted-foreground">{format.dateTime(status.at)}</span>}
                  {status.note && (
                    <span className="text-xs text-muted-foreground">
                      {t.rich(`notification.${status.note}`, { code })}
                    </span>
                  )}
                  {/* The post's error as notify-alerts.ts recorded it (English), under a lead in the reader's language. */}
                  {status.error && (
                    <span className="block text-xs text-muted-foreground" data-testid="alert-post-error">
                      {t("notification.postError")}{" "}
                      <span lang="en" dir="ltr" className="font-mono">
                        {status.error}
                      </span>
                    </span>
                  )}
                </div>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
