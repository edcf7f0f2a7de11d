import { Badge, type Tone } from "@/components/ui/badge";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";

type ApiCallEntry = Extract<TimelineEntry, { kind: "api_call" }>;

function statusTone(status: number | null): Tone {
  if (status === null || status >= 500) return "danger";
  if (status >= 400) return "warning";
  return "success";
}

export function TimelineApiCall({ entry }: { entry: ApiCallEntry }) {
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">Points API</Badge>
        <span className="font-mono text-xs">
          {entry.method} {entry.path}
        </span>
        {/* no status: the call never got an answer (network error or timeout) */}
        <Badge tone={statusTone(entry.status)}>{entry.status ?? "no answer"}</Badge>
        <span className="text-xs tabular-nums text-muted-foreground">
          {Math.round(entry.latencyMs).toLocaleString("en")} ms
        </span>
        {entry.attempt > 1 && <span className="text-xs text-muted-foreground">attempt {entry.attempt}</span>}
      </div>
      {entry.errorMessage && <p className="text-sm text-danger-fg">{entry.errorMessage}</p>}
    </div>
  );
}
