import { OrderStatusLabel } from "@/components/i18n/order-status-label";
import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = {
  new: "neutral",
  authorized: "info",
  captured: "success",
  approved: "success",
  partially_refunded: "warning",
  fully_refunded: "warning",
  cancelled: "danger",
};

export function OrderStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? "neutral"}>
      <OrderStatusLabel status={status} />
    </Badge>
  );
}
