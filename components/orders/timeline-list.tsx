// The order's history, cause before effect (lib/timeline/placement.ts): what
// staff did, what we asked Points, what Points told us and what reconciliation
// found. Read from the start edge, so right to left in Arabic.
import { EmptyState } from "@/components/ui/states";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";
import { TimelineAction } from "./timeline-action";
import { TimelineApiCall } from "./timeline-api-call";
import { TimelineReconciliation } from "./timeline-reconciliation";
import { timelineText } from "./timeline-text";
import { TimelineWebhook } from "./timeline-webhook";

/** The links go to ops pages, so others get none rather than a dead end. */
export async function TimelineList({
  entries,
  orderUuid,
  linkToOpsPages,
}: {
  entries: TimelineEntry[];
  orderUuid: string;
  linkToOpsPages: boolean;
}) {
  const text = await timelineText();
  const { t, format } = text;
  if (entries.length === 0) return <EmptyState title={t("empty")} />;
  // A timeline runs to 500 rows: rows off screen skip layout and paint until scrolled to
  // (content-visibility), so the page paints as soon as its first screen is laid out.
  return (
    <ol className="divide-y rounded-lg border bg-surface" aria-label={t("listLabel")} data-testid="order-timeline">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className="timeline-row" data-testid={`timeline-${entry.kind}`}>
          <time dateTime={entry.at.toISOString()} className="timeline-note tabular-nums">
            {format.dateTime(entry.at)}
          </time>
          {entry.kind === "webhook" ? (
            <TimelineWebhook entry={entry} linkToDelivery={linkToOpsPages} text={text} />
          ) : entry.kind === "action" ? (
            <TimelineAction entry={entry} />
          ) : entry.kind === "api_call" ? (
            <TimelineApiCall entry={entry} text={text} />
          ) : (
            <TimelineReconciliation entry={entry} orderUuid={orderUuid} linkToReconciliation={linkToOpsPages} />
          )}
        </li>
      ))}
    </ol>
  );
}
