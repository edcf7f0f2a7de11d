// What an order has been refunded, folded from its refund ledger. Pure.
//
// Points documents no refund figures (points-api.md §3.1, §4.3), so the ledger
// holds what we know: refunds Points accepted through points-ops (amount
// known), refunds Points showed us (webhook or API), with an amount when it
// sent one, and refunds we only saw happen. Rows are grouped by Points'
// updated_at, which ties one of our refunds to the webhook reporting it; a
// refund Points showed that none of ours explains has an unknown amount.

export interface LedgerRow {
  source: "points_ops" | "points";
  amount: number | null;
  /** Points' own figure of what was refunded so far, when it sent one. */
  reportedTotal: number | null;
  pointsUpdatedAt: Date | null;
  /** refunded | auto_refunded; null when only a status change showed the refund. */
  event: string | null;
  recordedAt: Date;
}

export interface RefundPosition {
  /** SAR known to be refunded (a lower bound when `unknown`). */
  refunded: number;
  /** At most this much is left to refund; exact unless `unknown`. */
  refundable: number;
  /** A refund happened whose amount we do not know (made outside points-ops). */
  unknown: boolean;
  /** Refunds Points accepted through points-ops. */
  throughPointsOps: { count: number; total: number };
  /** Points itself reported an amount or a total (undocumented fields), or a full refund. */
  reportedByPoints: boolean;
  /** What each change added, when we learned of it (null: amount unknown); for the 24-hour window. */
  changes: Array<{ at: Date; amount: number | null }>;
}

const cents = (sar: number) => Math.round(sar * 100);
const sar = (c: number) => c / 100;

function groupsOf(rows: LedgerRow[]): LedgerRow[][] {
  const byKey = new Map<string, LedgerRow[]>();
  const time = (r: LedgerRow) => (r.pointsUpdatedAt ?? r.recordedAt).getTime();
  for (const row of [...rows].sort((a, b) => time(a) - time(b))) {
    // Without Points' time a row cannot be matched: it stands alone.
    const key = row.pointsUpdatedAt ? `t${row.pointsUpdatedAt.getTime()}` : `r${byKey.size}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey.values()];
}

export function refundPosition(order: { totalPrice: number; orderStatus: string }, rows: LedgerRow[]): RefundPosition {
  let known = 0;
  let unknown = false;
  let reportedByPoints = false;
  const ops = { count: 0, total: 0 };
  const changes: RefundPosition["changes"] = [];

  groupsOf(rows).forEach((group, i) => {
    const ours = group.filter((r) => r.source === "points_ops");
    const seen = group.find((r) => r.source === "points");
    const at = new Date(Math.min(...group.map((r) => r.recordedAt.getTime())));
    const before = known;
    for (const r of ours) {
      ops.count += 1;
      if (r.amount !== null) ops.total += cents(r.amount);
    }
    if (seen?.reportedTotal != null) {
      // Points' own total settles everything before it.
      known = cents(seen.reportedTotal);
      unknown = false;
      reportedByPoints = true;
    } else if (ours.length > 0) {
      // Points' own reversal (auto_refunded) is never one of ours, even in the same whole second.
      if (ours.some((r) => r.amount === null) || seen?.event === "auto_refunded") unknown = true;
      known += ours.reduce((sum, r) => sum + cents(r.amount ?? 0), 0);
    } else if (seen?.amount != null) {
      known += cents(seen.amount);
      reportedByPoints = true;
    } else if (seen && (seen.event !== null || i === 0)) {
      // A refund event none of ours explains, or a refunded status with no refund before it.
      unknown = true;
      changes.push({ at, amount: null });
      return;
    }
    const amountUnknown = ours.some((r) => r.amount === null) || (ours.length > 0 && seen?.event === "auto_refunded");
    if (known !== before || amountUnknown) changes.push({ at, amount: amountUnknown ? null : sar(known - before) });
  });

  const total = cents(order.totalPrice);
  if (order.orderStatus === "fully_refunded") {
    if (known !== total || unknown) reportedByPoints = true;
    known = total;
    unknown = false;
  }
  return {
    refunded: sar(known),
    refundable: sar(Math.max(0, total - known)),
    unknown,
    throughPointsOps: { count: ops.count, total: sar(ops.total) },
    reportedByPoints,
    changes,
  };
}

/** SAR refunded by changes learned of since `since`; null when one of them has an unknown amount. */
export function refundedSince(position: RefundPosition, since: Date): number | null {
  const recent = position.changes.filter((c) => c.at >= since);
  if (recent.some((c) => c.amount === null)) return null;
  return sar(recent.reduce((sum, c) => sum + cents(c.amount!), 0));
}
