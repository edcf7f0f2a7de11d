"use client";
// A delivery's status in the reader's language; a client component so its count
// follows the user's digits preference wherever it is shown.
import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
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

export function DeliveryStatusBadge({
  status,
  duplicateCount = 0,
}: {
  status: DeliveryStatus;
  duplicateCount?: number;
}) {
  const t = useTranslations("Webhooks");
  const { number } = useDisplayFormat();
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={TONES[status]} data-testid="delivery-status" data-status={status}>
        {t(`status.${status}`)}
      </Badge>
      {duplicateCount > 0 && (
        <Badge tone="info" title={t("duplicatesWhy")}>
          {t("duplicates", { count: duplicateCount, n: number(duplicateCount) })}
        </Badge>
      )}
    </span>
  );
}
