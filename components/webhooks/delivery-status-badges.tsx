// A delivery's status badge and its duplicates badge, drawn from words already
// translated: the client badge (delivery-status-badge.tsx) and the order
// timeline's server-rendered rows, which hold up to 500 of them, both draw it.
import type { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<DeliveryStatus, Tone> = {
  processed: "success",
  pending: "neutral",
  processing: "info",
  failed: "warning",
  dead: "danger",
  rejected: "danger",
  unsupported: "warning",
};

/** The badges' words for a delivery, with the count in the reader's digits (`number`). */
export function deliveryStatusWords(
  t: ReturnType<typeof useTranslations<"Webhooks">>,
  number: (n: number) => string,
  status: DeliveryStatus,
  duplicateCount: number,
) {
  return {
    status,
    label: t(`status.${status}`),
    duplicates:
      duplicateCount > 0
        ? { text: t("duplicates", { count: duplicateCount, n: number(duplicateCount) }), title: t("duplicatesWhy") }
        : undefined,
  };
}

export function DeliveryStatusBadges({
  status,
  label,
  duplicates,
}: {
  status: DeliveryStatus;
  label: string;
  /** The duplicates badge's text and title; none when the delivery had no duplicates. */
  duplicates?: { text: string; title: string };
}) {
  return (
    <span className="badge-group">
      <Badge tone={TONES[status]} data-testid="delivery-status" data-status={status}>
        {label}
      </Badge>
      {duplicates && (
        <Badge tone="info" title={duplicates.title}>
          {duplicates.text}
        </Badge>
      )}
    </span>
  );
}
