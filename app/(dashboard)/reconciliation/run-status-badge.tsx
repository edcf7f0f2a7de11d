import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = { running: "info", completed: "success", failed: "danger" };

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? "neutral"} data-testid="run-status">
      {status}
    </Badge>
  );
}
