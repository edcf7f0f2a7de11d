// Refunded and refundable amounts with where they come from. Points documents
// no refund figures, so when a refund of unknown amount happened the page says
// so rather than showing a confident wrong figure.
import { formatSar } from "@/lib/format";
import type { RefundPosition } from "@/lib/refunds/refund-position";
import { SummaryField } from "./summary-field";

function sourceOf(p: RefundPosition): string {
  const parts: string[] = [];
  const { count, total } = p.throughPointsOps;
  if (count > 0) parts.push(`${count} refund${count === 1 ? "" : "s"} through points-ops (${formatSar(total)})`);
  if (p.reportedByPoints) parts.push("as reported by Points");
  return parts.length ? parts.join("; ") : "no refunds recorded";
}

export function RefundAmounts({ position, refundAllowed }: { position: RefundPosition; refundAllowed: boolean }) {
  const refundable = refundAllowed ? position.refundable : 0;
  return (
    <>
      <SummaryField label="Refunded">
        <span className="grid gap-0.5">
          <span className="tabular-nums" data-testid="refunded-amount">
            {position.unknown ? `at least ${formatSar(position.refunded)}` : formatSar(position.refunded)}
          </span>
          <span className="text-xs text-muted-foreground" data-testid="refund-source">
            {sourceOf(position)}
          </span>
        </span>
      </SummaryField>
      <SummaryField label="Refundable">
        <span className="grid gap-0.5">
          <span className="tabular-nums" data-testid="refundable-amount">
            {position.unknown && refundAllowed ? `unknown (at most ${formatSar(refundable)})` : formatSar(refundable)}
          </span>
          {position.unknown && (
            <span className="text-xs text-warning-fg" role="note" data-testid="refund-unknown">
              Refunded outside points-ops: amount unknown; check Points Business.
            </span>
          )}
        </span>
      </SummaryField>
    </>
  );
}
