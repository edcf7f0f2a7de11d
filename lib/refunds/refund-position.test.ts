import { describe, expect, it } from "vitest";
import { refundedSince, refundPosition, type LedgerRow } from "./refund-position";

const t = (s: number) => new Date(Date.UTC(2026, 3, 18, 10, 0, s));
const ours = (amount: number | null, at: number | null): LedgerRow => ({
  source: "points_ops",
  amount,
  reportedTotal: null,
  pointsUpdatedAt: at === null ? null : t(at),
  event: null,
  recordedAt: t(at ?? 59),
});
const seen = (at: number, more: Partial<LedgerRow> = {}): LedgerRow => ({
  source: "points",
  amount: null,
  reportedTotal: null,
  pointsUpdatedAt: t(at),
  event: "refunded",
  recordedAt: t(at),
  ...more,
});
const order = { totalPrice: 400, orderStatus: "partially_refunded" };

describe("refundPosition", () => {
  it("our refunds and the webhooks reporting them count once", () => {
    const p = refundPosition(order, [ours(50, 1), seen(1), ours(70.05, 2), seen(2)]);
    expect(p).toMatchObject({ refunded: 120.05, refundable: 279.95, unknown: false, reportedByPoints: false });
    expect(p.throughPointsOps).toEqual({ count: 2, total: 120.05 });
  });

  it("a refund event none of ours explains makes the amount unknown", () => {
    expect(refundPosition(order, [ours(50, 1), seen(1), seen(3)])).toMatchObject({ refunded: 50, unknown: true });
  });

  it("a refunded status seen first, with no refund before it, is unknown; after ours it is explained", () => {
    expect(refundPosition(order, [seen(5, { event: null })]).unknown).toBe(true);
    expect(refundPosition(order, [ours(50, 1), seen(5, { event: null })]).unknown).toBe(false);
  });

  it("Points' own figures: an amount adds, a reported total settles everything before it", () => {
    expect(refundPosition(order, [seen(1, { amount: 30 })])).toMatchObject({ refunded: 30, unknown: false });
    expect(refundPosition(order, [seen(1), seen(2, { reportedTotal: 90 }), ours(10, 3)])).toMatchObject({
      refunded: 100,
      unknown: false,
      reportedByPoints: true,
    });
  });

  it("fully refunded means the whole total, whatever is unknown", () => {
    expect(refundPosition({ ...order, orderStatus: "fully_refunded" }, [seen(1)])).toMatchObject({
      refunded: 400,
      refundable: 0,
      unknown: false,
    });
  });

  it("refundedSince sums what was learned in the window; unknown inside it is null", () => {
    const p = refundPosition(order, [ours(50, 1), ours(70, 30)]);
    expect(refundedSince(p, t(10))).toBe(70);
    expect(refundedSince(p, t(0))).toBe(120);
    expect(refundedSince(refundPosition(order, [ours(50, 1), seen(30)]), t(10))).toBeNull();
  });
});
