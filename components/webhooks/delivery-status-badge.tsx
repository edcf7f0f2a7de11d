"use client";
// A delivery's status in the reader's language; a client component so its count
// follows the user's digits preference wherever it is shown.
import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { DeliveryStatusBadges, deliveryStatusWords } from "./delivery-status-badges";

export function DeliveryStatusBadge({
  status,
  duplicateCount = 0,
}: {
  status: DeliveryStatus;
  duplicateCount?: number;
}) {
  const t = useTranslations("Webhooks");
  const { number } = useDisplayFormat();
  return <DeliveryStatusBadges {...deliveryStatusWords(t, number, status, duplicateCount)} />;
}
