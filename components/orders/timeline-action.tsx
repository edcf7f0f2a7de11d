import { Badge, type Tone } from "@/components/ui/badge";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";

type ActionEntry = Extract<TimelineEntry, { kind: "action" }>;

const OUTCOME_TONE: Record<string, Tone> = { succeeded: "success", failed: "danger", unknown: "warning" };

// Audit detail is free-form JSON written by several use cases; read only what is there.
function readDetail(detail: unknown): { outcome?: string; message?: string; note?: string } {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return {};
  const d = detail as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  return { outcome: text(d.outcome), message: text(d.message), note: text(d.note) };
}

export function TimelineAction({ entry }: { entry: ActionEntry }) {
  const { outcome, message, note } = readDetail(entry.detail);
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>staff</Badge>
        <span className="font-medium">{entry.action.replace(/^order\./, "").replace(/_/g, " ")}</span>
        {outcome && <Badge tone={OUTCOME_TONE[outcome] ?? "neutral"}>{outcome}</Badge>}
        <span className="text-xs text-muted-foreground">by {entry.actor ?? "a deleted user"}</span>
      </div>
      {message && <p className="text-sm">{message}</p>}
      {note && (
        <p className="text-sm text-muted-foreground" dir="auto">
          Note: {note}
        </p>
      )}
    </div>
  );
}
