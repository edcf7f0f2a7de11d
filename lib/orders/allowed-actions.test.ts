import { describe, expect, it } from "vitest";
import { refundPosition, type LedgerRow } from "@/lib/refunds/refund-position";
import { allowedActions, stateAllows, type OrderForActions } from "./allowed-actions";

const order = (orderStatus: string, extra: Partial<OrderForActions> = {}): OrderForActions => ({
  type: "replacing",
  orderStatus,
  refundable: 200,
  ...extra,
});

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));
const ours = (amount: number, s: number): LedgerRow => ({
  source: "points_ops",
  amount,
  reportedTotal: null,
  pointsUpdatedAt: at(s),
  event: null,
  recordedAt: at(s),
});
const shown = (reportedTotal: number | null, s: number): LedgerRow => ({
  source: "points",
  amount: null,
  reportedTotal,
  pointsUpdatedAt: at(s),
  event: "refunded",
  recordedAt: at(s),
});
/** The order as the order page and the refund request see it: its refundable figure from the ledger. */
const fromLedger = (orderStatus: string, rows: LedgerRow[]): OrderForActions => ({
  type: "replacing",
  orderStatus,
  refundable: refundPosition({ totalPrice: 200, orderStatus }, rows).refundable,
});

describe("state × action matrix (points-api.md §3.3)", () => {
  it.each([
    ["new", ["cancel", "shipping", "complete", "authorize"]],
    ["authorized", ["cancel", "shipping", "complete", "capture"]],
    ["captured", ["refund", "cancel", "shipping", "complete"]],
    ["approved", ["refund", "cancel", "shipping"]],
    ["partially_refunded", ["refund", "shipping"]],
    ["fully_refunded", ["shipping"]],
    ["cancelled", ["shipping"]],
  ])("an admin may, on a %s checkout order: %j", (status, expected) => {
    expect(allowedActions(order(status), "admin")).toEqual(expected);
  });

  it("offers no checkout-only steps on earning orders", () => {
    expect(allowedActions(order("new", { type: "earning" }), "admin")).toEqual(["cancel", "shipping"]);
  });

  it("offers no refund once everything is refunded, whatever the status says", () => {
    expect(stateAllows("refund", order("partially_refunded", { refundable: 0 }))).toBe(false);
  });
});

describe("refund offer from the refund ledger", () => {
  it("no refund once our own refunds add up to the total, though Points sent no figure", () => {
    const rows = [ours(150, 1), shown(null, 1), ours(50, 2), shown(null, 2)];
    expect(stateAllows("refund", fromLedger("partially_refunded", rows))).toBe(false);
  });

  it("the remainder of Points' own reported total, and of ours after it", () => {
    expect(fromLedger("partially_refunded", [shown(120, 1)]).refundable).toBe(80);
    expect(fromLedger("partially_refunded", [shown(120, 1), ours(30.05, 2), shown(null, 2)]).refundable).toBe(49.95);
    expect(allowedActions(fromLedger("partially_refunded", [shown(120, 1)]), "admin")).toContain("refund");
  });

  it("nothing refundable on a fully refunded order, even when no amount was ever seen", () => {
    expect(fromLedger("fully_refunded", [shown(null, 1)]).refundable).toBe(0);
  });
});

describe("roles", () => {
  it("viewer reads only, support updates shipping, ops no money actions, admin everything", () => {
    expect(allowedActions(order("captured"), "viewer")).toEqual([]);
    expect(allowedActions(order("captured"), "support")).toEqual(["shipping"]);
    expect(allowedActions(order("captured"), "ops")).toEqual(["shipping"]);
    expect(allowedActions(order("captured"), "admin")).toContain("refund");
  });
});
