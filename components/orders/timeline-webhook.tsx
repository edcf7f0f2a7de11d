import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import { formatDateTime } from "@/lib/format";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";
import { prettyBody } from "@/lib/webhooks/get-delivery";

type WebhookEntry = Extract<TimelineEntry, { kind: "webhook" }>;

/** `linkToDelivery`: the delivery log is for ops and up, so others get no dead link. */
export function TimelineWebhook({ entry, linkToDelivery }: { entry: WebhookEntry; linkToDelivery: boolean }) {
  const body = prettyBody(entry.rawBody);
  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="info">webhook</Badge>
        <span className="font-medium">{entry.event ?? "unknown event"}</span>
        <DeliveryStatusBadge status={entry.status as DeliveryStatus} duplicateCount={entry.duplicateCount} />
        {entry.arrivedLate && (
          <Badge tone="warning" title="A delivery with a newer snapshot of this order arrived before this one">
            arrived late
          </Badge>
        )}
        {linkToDelivery && (
          <Link href={`/webhooks/${entry.id}`} className="text-xs text-accent underline">
            Delivery {entry.id}
          </Link>
        )}
      </div>
      <p className="text-xs text-muted-foreground">Received {formatDateTime(entry.receivedAt)}</p>
      <details>
        <summary className="cursor-pointer text-xs text-muted-foreground">Payload</summary>
        <pre className="mt-1 max-h-80 overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs" dir="ltr">
          {body.text}
        </pre>
      </details>
    </div>
  );
}
