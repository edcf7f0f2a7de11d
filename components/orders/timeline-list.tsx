// The order's history in time order: what Points told us, what staff did,
// what we asked Points and what reconciliation found.
import { EmptyState } from "@/components/ui/states";
import { formatDateTime } from "@/lib/format";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";
import { TimelineAction } from "./timeline-action";
import { TimelineApiCall } from "./timeline-api-call";
import { TimelineReconciliation } from "./timeline-reconciliation";
import { TimelineWebhook } from "./timeline-webhook";

/** The links go to ops pages, so others get none rather than a dead end. */
export function TimelineList({
  entries,
  orderUuid,
  linkToOpsPages,
}: {
  entries: TimelineEntry[];
  orderUuid: string;
  linkToOpsPages: boolean;
}) {
  if (entries.length === 0) return <EmptyState title="Nothing has happened to this order yet" />;
  return (
    <ol className="divide-y rounded-lg border bg-surface" aria-label="Order timeline">
      {entries.map((entry) => (
        <li
          key={`${entry.kind}-${entry.id}`}
          className="grid gap-1 px-4 py-3 sm:grid-cols-[11rem_1fr] sm:gap-4"
          data-testid={`timeline-${entry.kind}`}
        >
          <time dateTime={entry.at.toISOString()} className="text-xs tabular-nums text-muted-foreground">
            {formatDateTime(entry.at)}
          </time>
          {entry.kind === "webhook" ? (
            <TimelineWebhook entry={entry} linkToDelivery={linkToOpsPages} />
          ) : entry.kind === "action" ? (
            <TimelineAction entry={entry} />
          ) : entry.kind === "api_call" ? (
            <TimelineApiCall entry={entry} />
          ) : (
            <TimelineReconciliation entry={entry} orderUuid={orderUuid} linkToReconciliation={linkToOpsPages} />
          )}
        </li>
      ))}
    </ol>
  );
}
