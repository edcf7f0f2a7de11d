// Shared by the reconciliation page and the order timeline: how a difference's
// values and a difference's or flag's state are shown.
import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import type { JsonValue } from "@/lib/reconcile/compare-order";

const TONES = { open: "warning", healed: "success", explained: "info" } as const satisfies Record<string, Tone>;
const isKnown = (status: string): status is keyof typeof TONES => status in TONES;

export function ResolutionBadge({ status }: { status: string }) {
  const t = useTranslations("Reconciliation.resolution");
  return (
    <Badge tone={isKnown(status) ? TONES[status] : "neutral"} data-testid="resolution" data-status={status}>
      {isKnown(status) ? t(status) : <bdi dir="ltr">{status}</bdi>}
    </Badge>
  );
}

/** A compared value: text as is, none as a dash, the one-sided "order" summary as number and status. */
export function formatValue(value: JsonValue): string {
  if (value === null || value === "") return "—";
  if (typeof value !== "object") return String(value);
  if ("orderNumber" in value && "orderStatus" in value) return `${value.orderNumber} (${value.orderStatus})`;
  return JSON.stringify(value);
}
