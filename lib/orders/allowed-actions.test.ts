import { describe, expect, it } from "vitest";
import { allowedActions, refundableAmount, stateAllows, type OrderForActions } from "./allowed-actions";

const order = (orderStatus: string, extra: Partial<OrderForActions> = {}): OrderForActions => ({
  type: "replacing",
  orderStatus,
  totalPrice: 200,
  refundedAmount: 0,
  ...extra,
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
    expect(stateAllows("refund", order("partially_refunded", { refundedAmount: 200 }))).toBe(false);
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

describe("refundableAmount", () => {
  it("is what is left, never negative, to the halala", () => {
    expect(refundableAmount({ totalPrice: 100.1, refundedAmount: 30.05 })).toBe(70.05);
    expect(refundableAmount({ totalPrice: 100, refundedAmount: 120 })).toBe(0);
  });
});
