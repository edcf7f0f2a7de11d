// Above the order: what reconciliation still has open about it, so nobody
// acts on an order that disagrees with Points without knowing. The timeline
// below has the details and the closed ones.
import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { ruleLabel } from "@/lib/lifecycle/check-lifecycle";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";

export function ReconciliationNotice({
  entries,
  orderUuid,
  linkToReconciliation,
}: {
  entries: TimelineEntry[];
  orderUuid: string;
  linkToReconciliation: boolean;
}) {
  const fields = entries.flatMap((e) =>
    e.kind === "difference" && e.difference.status === "open" ? [e.difference.field] : [],
  );
  const flags = entries.flatMap((e) => (e.kind === "lifecycle_flag" && e.flag.status === "open" ? [e.flag] : []));
  if (fields.length === 0 && flags.length === 0) return null;
  return (
    <Card className="border-warning-fg/30 bg-warning-bg/40" data-testid="reconciliation-notice">
      <CardContent className="grid gap-1.5 text-sm">
        {fields.length > 0 && (
          <p>
            <span className="font-medium">Differs from Points:</span>{" "}
            <span className="font-mono text-xs">{fields.join(", ")}</span>
          </p>
        )}
        {flags.map((f) => (
          <p key={f.id} data-testid="lifecycle-flag">
            <span className="font-medium">{ruleLabel(f.rule)}:</span> {f.detail.message}
          </p>
        ))}
        {linkToReconciliation && (
          <Link
            href={`/reconciliation?q=${orderUuid}&status=all`}
            className="text-xs font-medium text-accent underline"
          >
            Heal or explain on the Reconciliation page
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
