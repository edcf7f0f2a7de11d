// What reconciliation found about the order: a difference with Points or a
// lifecycle flag, with its state now. Ops get a link to act on it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatValue, ResolutionBadge } from "@/components/reconciliation/resolution";
import { ruleLabel } from "@/lib/lifecycle/check-lifecycle";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";

type Entry = Extract<TimelineEntry, { kind: "difference" | "lifecycle_flag" }>;

export function TimelineReconciliation({
  entry,
  orderUuid,
  linkToReconciliation,
}: {
  entry: Entry;
  orderUuid: string;
  linkToReconciliation: boolean;
}) {
  const found = entry.kind === "difference" ? entry.difference : entry.flag;
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="warning">{entry.kind === "difference" ? "difference with Points" : "lifecycle check"}</Badge>
        <span className="font-medium">
          {entry.kind === "difference" ? entry.difference.field : ruleLabel(entry.flag.rule)}
        </span>
        <ResolutionBadge status={found.status} />
        {linkToReconciliation && (
          <Link href={`/reconciliation?q=${orderUuid}&status=all`} className="text-xs text-accent underline">
            Reconciliation
          </Link>
        )}
      </div>
      {entry.kind === "difference" ? (
        <p className="text-sm">
          Ours <span className="font-mono text-xs">{formatValue(entry.difference.ours)}</span>, Points{" "}
          <span className="font-mono text-xs">{formatValue(entry.difference.theirs)}</span>
          {entry.difference.kind !== "mismatch" && (
            <span className="text-muted-foreground"> ({entry.difference.kind.replace(/_/g, " ")})</span>
          )}
        </p>
      ) : (
        entry.flag.detail.message && <p className="text-sm">{entry.flag.detail.message}</p>
      )}
      {found.note && (
        <p className="text-sm text-muted-foreground" dir="auto">
          Note: {found.note}
        </p>
      )}
    </div>
  );
}
