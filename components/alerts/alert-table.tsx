import { Badge, type Tone } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AlertRow } from "@/lib/alerts/list-alerts";
import { notificationStatus, type NotificationStatus } from "@/lib/alerts/notification-status";
import { RULE_TITLES } from "@/lib/alerts/rules";
import { formatDateTime } from "@/lib/format";

const notificationTone: Record<NotificationStatus["kind"], Tone> = {
  posted: "success",
  waiting: "warning",
  failed: "danger",
  none: "neutral",
};

function Notification({ alert, webhookConfigured }: { alert: AlertRow; webhookConfigured: boolean }) {
  const status = notificationStatus(alert, webhookConfigured);
  return (
    <div className="grid gap-0.5">
      <Badge tone={notificationTone[status.kind]} className="w-fit">
        {status.label}
      </Badge>
      {status.at && <span className="text-xs text-muted-foreground">{formatDateTime(status.at)}</span>}
      {status.detail && <span className="text-xs text-muted-foreground">{status.detail}</span>}
    </div>
  );
}

export function AlertTable({
  alerts,
  label,
  webhookConfigured,
}: {
  alerts: AlertRow[];
  label: string;
  webhookConfigured: boolean;
}) {
  const resolved = alerts.some((a) => a.state === "resolved");
  return (
    <Table label={label} stickyHeader={false}>
      <THead>
        <tr>
          <Th>Alert</Th>
          <Th>Summary</Th>
          <Th>Fired</Th>
          <Th>{resolved ? "Resolved" : "Last seen"}</Th>
          <Th>Notification</Th>
        </tr>
      </THead>
      <TBody>
        {alerts.map((a) => (
          <Tr key={a.id.toString()} data-testid={`alert-${a.rule}`} data-state={a.state}>
            <Td>
              <div className="flex flex-wrap items-center gap-1.5">
                <span className="font-medium">{RULE_TITLES[a.rule] ?? a.rule}</span>
                <Badge tone={a.state === "resolved" ? "neutral" : a.severity === "critical" ? "danger" : "warning"}>
                  {a.state === "resolved" ? "resolved" : a.severity}
                </Badge>
              </div>
              <span className="font-mono text-xs text-muted-foreground">{a.rule}</span>
            </Td>
            <Td className="min-w-64">{a.summary}</Td>
            <Td mono>{formatDateTime(a.firedAt)}</Td>
            <Td mono>{formatDateTime(a.resolvedAt ?? a.lastSeenAt)}</Td>
            <Td>
              <Notification alert={a} webhookConfigured={webhookConfigured} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
