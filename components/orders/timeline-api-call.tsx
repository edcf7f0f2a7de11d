import { Ltr } from "@/components/i18n/ltr";
import { NoticeText } from "@/components/i18n/notice-text";
import { Badge, type Tone } from "@/components/ui/badge";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";
import { TimelinePayload } from "./timeline-payload";
import type { TimelineText } from "./timeline-text";

type ApiCallEntry = Extract<TimelineEntry, { kind: "api_call" }>;

function statusTone(status: number | null): Tone {
  if (status === null || status >= 500) return "danger";
  if (status >= 400) return "warning";
  return "success";
}

export function TimelineApiCall({ entry, text: { t, format } }: { entry: ApiCallEntry; text: TimelineText }) {
  return (
    <div className="grid gap-1">
      <div className="timeline-head">
        <Badge tone="neutral">{t("source.pointsApi")}</Badge>
        <Ltr className="font-mono text-xs">
          {entry.method} {entry.path}
        </Ltr>
        {/* no status: the call never got an answer (network error or timeout) */}
        <Badge tone={statusTone(entry.status)}>
          {entry.status === null ? t("noAnswer") : <Ltr>{entry.status}</Ltr>}
        </Badge>
        <span className="text-xs tabular-nums text-muted-foreground">
          {t("latency", { ms: format.number(Math.round(entry.latencyMs)) })}
        </span>
        {entry.attempt > 1 && (
          <span className="timeline-note">{t("attempt", { n: format.number(entry.attempt) })}</span>
        )}
      </div>
      {entry.errorMessage && (
        <p className="text-sm text-danger-fg">
          <NoticeText notice={entry.errorNotice} message={entry.errorMessage} />
        </p>
      )}
      <TimelinePayload kind="api_call" id={entry.id} summary={t("payload.api_call")} />
    </div>
  );
}
