import Link from "next/link";
import { Ltr } from "@/components/i18n/ltr";
import { Badge } from "@/components/ui/badge";
import { DeliveryStatusBadges, deliveryStatusWords } from "@/components/webhooks/delivery-status-badges";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { WEBHOOK_EVENTS } from "@/lib/points/envelope";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";
import { FactsLine } from "./timeline-facts";
import type { TimelineText } from "./timeline-text";
import { TimelinePayload } from "./timeline-payload";
import { orderStatusText, shippingStatusText, valueTags } from "./timeline-tags";

type WebhookEntry = Extract<TimelineEntry, { kind: "webhook" }>;

const isKnownEvent = (event: string): event is (typeof WEBHOOK_EVENTS)[number] =>
  (WEBHOOK_EVENTS as readonly string[]).includes(event);

/** `linkToDelivery`: the delivery log is for ops and up, so others get no dead link. */
export function TimelineWebhook({
  entry,
  linkToDelivery,
  text: { t, tStatus, tWebhooks, tShipping, format },
}: {
  entry: WebhookEntry;
  linkToDelivery: boolean;
  text: TimelineText;
}) {
  const { facts } = entry;
  const status = entry.status as DeliveryStatus;
  const changes = [
    facts.orderStatus && t("orderNow", { status: orderStatusText(tStatus, facts.orderStatus) }),
    facts.refundAmount !== undefined && t.rich("refunded", { amount: format.sar(facts.refundAmount), ...valueTags }),
    facts.refundedTotal !== undefined &&
      t.rich("refundedTotal", { amount: format.sar(facts.refundedTotal), ...valueTags }),
    facts.shippingStatus && t("facts.shippingStatus", { status: shippingStatusText(tShipping, facts.shippingStatus) }),
    facts.shippingLabel && t.rich("facts.label", { label: facts.shippingLabel, ...valueTags }),
    facts.reason && t.rich("cancelReason", { reason: facts.reason, ...valueTags }),
  ];
  return (
    <div className="grid gap-1.5">
      <div className="timeline-head">
        <Badge tone="info">{t("source.webhook")}</Badge>
        <span className="font-medium" data-event={entry.event ?? ""}>
          {entry.event === null ? (
            t("event.unknown")
          ) : isKnownEvent(entry.event) ? (
            t(`event.${entry.event}`)
          ) : (
            <Ltr>{entry.event}</Ltr>
          )}
        </span>
        {/* Drawn here rather than by the client badge: a timeline holds hundreds. */}
        <DeliveryStatusBadges {...deliveryStatusWords(tWebhooks, format.number, status, entry.duplicateCount)} />
        {entry.arrivedLate && (
          <Badge tone="warning" title={t("arrivedLateTitle")}>
            {t("arrivedLate")}
          </Badge>
        )}
        {linkToDelivery && (
          // Not prefetched: up to 500 rows each link a delivery; a person opens one.
          <Link href={`/webhooks/${entry.id}`} prefetch={false} className="text-xs text-accent underline">
            {t.rich("deliveryLink", { id: entry.id, ...valueTags })}
          </Link>
        )}
      </div>
      <FactsLine parts={changes} />
      <p className="timeline-note">{t("received", { time: format.dateTime(entry.receivedAt) })}</p>
      <TimelinePayload kind="webhook" id={entry.id} summary={t("payload.webhook")} />
    </div>
  );
}
