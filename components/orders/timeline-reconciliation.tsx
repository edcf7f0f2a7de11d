// What reconciliation found about the order: a difference with Points or a
// lifecycle flag, with its state now. Ops get a link to act on it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatValue, ResolutionBadge } from "@/components/reconciliation/resolution";
import { RULE_LABELS, type LifecycleRule } from "@/lib/lifecycle/check-lifecycle";
import type { TimelineEntry } from "@/lib/orders/order-timeline";

type Entry = Extract<TimelineEntry, { kind: "difference" | "lifecycle_flag" }>;

export function TimelineReconciliation({ entry, orderUuid, linkToReconciliation }: { entry: Entry; orderUuid: string; linkToReconciliation: boolean }) {
  const isDifference = entry.kind === "difference";
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="warning">{isDifference ? "difference with Points" : "lifecycle check"}</Badge>
        <span className="font-medium">{isDifference ? entry.field : (RULE_LABELS[entry.rule as LifecycleRule] ?? entry.rule)}</span>
        <ResolutionBadge status={entry.status} />
        {linkToReconciliation && (
          <Link href={`/reconciliation?q=${orderUuid}&status=all`} className="text-xs text-accent underline">
            Reconciliation
          </Link>
        )}
      </div>
      {isDifference ? (
        <p className="text-sm">
          Ours <span className="font-mono text-xs">{formatValue(entry.ours)}</span>, Points <span className="font-mono text-xs">{formatValue(entry.theirs)}</span>
          {entry.differenceKind !== "mismatch" && <span className="text-muted-foreground"> ({entry.differenceKind.replace(/_/g, " ")})</span>}
        </p>
      ) : (
        entry.message && <p className="text-sm">{entry.message}</p>
      )}
      {entry.note && (
        <p className="text-sm text-muted-foreground" dir="auto">
          Note: {entry.note}
        </p>
      )}
    </div>
  );
}
