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
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge tone={TONES[status]} data-testid="delivery-status">
        {status}
      </Badge>
      {duplicateCount > 0 && (
        <Badge tone="info" title="Points sent this same delivery again; repeats are counted, not stored">
          ×{duplicateCount.toLocaleString("en")} {duplicateCount === 1 ? "duplicate" : "duplicates"}
        </Badge>
      )}
    </span>
  );
}
