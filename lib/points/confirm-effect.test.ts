import { describe, expect, it } from "vitest";
import { confirmByReading, judgeEffect, type OrderAction } from "./confirm-effect";
import type { ApiOrder } from "./schemas";

const order = (order_status: string, updated_at = "2026-04-18T10:00:00.000Z"): ApiOrder => ({
  uuid: "550e8400-e29b-41d4-a716-446655440000",
  order_number: "A-1",
  order_status,
  type: 2,
  total_price: 100,
  total_points: 1000,
  updated_at,
});
const LATER = "2026-04-18T10:00:01.000Z";

describe("judgeEffect", () => {
  it.each<[OrderAction, string, string, string]>([
    ["cancel", "approved", "cancelled", "applied"],
    ["cancel", "approved", "approved", "not_applied"],
    ["cancel", "approved", "fully_refunded", "unclear"],
    ["authorize", "new", "captured", "applied"],
    ["capture", "authorized", "authorized", "not_applied"],
    ["complete", "new", "approved", "applied"],
    ["refund", "approved", "partially_refunded", "applied"],
    ["refund", "captured", "fully_refunded", "applied"],
    ["refund", "approved", "approved", "not_applied"],
    ["refund", "approved", "cancelled", "unclear"],
    ["refund", "partially_refunded", "fully_refunded", "applied"],
    ["refund", "partially_refunded", "partially_refunded", "unclear"],
  ])("%s from %s, now %s → %s", (action, from, to, expected) => {
    expect(judgeEffect(action, order(to, LATER), order(from))).toBe(expected);
  });

  it("an unchanged millisecond updated_at means nothing happened, whatever the status says", () => {
    const at = "2026-04-18T10:00:00.123Z";
    expect(judgeEffect("refund", order("partially_refunded", at), order("partially_refunded", at))).toBe("not_applied");
  });

  it("an unchanged whole-second updated_at proves nothing: a second partial refund may share it", () => {
    expect(
      judgeEffect("refund", order("partially_refunded", "2026-04-18T10:00:00Z"), order("partially_refunded")),
    ).toBe("unclear");
  });

  it("a refund without a before-state cannot be judged", () => {
    expect(judgeEffect("refund", order("fully_refunded"))).toBe("unclear");
  });
});

describe("confirmByReading", () => {
  it("after a timeout, re-reads with waits until the effect shows", async () => {
    const reads = [order("approved", LATER), order("approved", LATER), order("cancelled", LATER)];
    const waits: number[] = [];
    const confirm = confirmByReading(async () => reads.shift()!, "cancel", order("approved"), {
      sleep: async (ms) => void waits.push(ms),
      delaysMs: [10, 20, 40],
    });
    expect(await confirm("ambiguous")).toMatchObject({ kind: "applied", data: { order_status: "cancelled" } });
    expect(waits).toEqual([10, 20]);
  });

  it("after a finished error, one read decides", async () => {
    const confirm = confirmByReading(async () => order("approved"), "cancel", undefined, {
      sleep: async () => {},
      delaysMs: [10],
    });
    expect(await confirm("finished")).toEqual({ kind: "not_applied" });
  });
});
