import { describe, expect, it } from "vitest";
import { checkLifecycle, LIFECYCLE_RULES, type HistoryEvent } from "./check-lifecycle";

/** A history in Points' order, one minute apart: [event, order_status] pairs. */
function history(...steps: Array<[string, string]>): HistoryEvent[] {
  const start = Date.parse("2026-11-20T10:00:00.000Z");
  return steps.map(([event, orderStatus], i) => ({
    deliveryId: String(i + 1),
    event,
    orderStatus,
    at: new Date(start + i * 60_000),
  }));
}

/** Every arrival order of a short history, or a fixed set of shuffles of a long one. */
function arrivals(events: HistoryEvent[]): HistoryEvent[][] {
  if (events.length <= 6) {
    const all: HistoryEvent[][] = [];
    const permute = (rest: HistoryEvent[], done: HistoryEvent[]) => {
      if (rest.length === 0) all.push(done);
      rest.forEach((e, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...done, e]));
    };
    permute(events, []);
    return all;
  }
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed / 2 ** 31);
  return Array.from({ length: 200 }, () => [...events].sort(() => random() - 0.5));
}

const rules = (events: HistoryEvent[]) => checkLifecycle(events).map((f) => f.rule);

const LEGAL: Record<string, HistoryEvent[]> = {
  "earning order": history(["approved", "approved"]),
  "earning, shipped, two partial refunds then the rest": history(
    ["approved", "approved"],
    ["shipping_status_updated", "approved"],
    ["shipping_status_updated", "approved"],
    ["refunded", "partially_refunded"],
    ["shipping_status_updated", "partially_refunded"],
    ["refunded", "partially_refunded"],
    ["refunded", "fully_refunded"],
    ["shipping_status_updated", "fully_refunded"],
  ),
  "paid checkout refunded in full": history(["approved", "approved"], ["refunded", "fully_refunded"]),
  "two-step checkout: authorized, captured, refunded": history(
    ["authorized", "authorized"],
    ["captured", "captured"],
    ["refunded", "partially_refunded"],
    ["refunded", "fully_refunded"],
  ),
  "abandoned checkout": history(["cancelled", "cancelled"]),
  "authorized then cancelled": history(["authorized", "authorized"], ["cancelled", "cancelled"]),
  "settled then cancelled": history(["approved", "approved"], ["cancelled", "cancelled"]),
  "captured then cancelled": history(
    ["authorized", "authorized"],
    ["captured", "captured"],
    ["cancelled", "cancelled"],
  ),
  "completed from new": history(["completed", "approved"]),
  "completed after authorized": history(
    ["authorized", "authorized"],
    ["completed", "approved"],
    ["refunded", "partially_refunded"],
  ),
  "completed after captured": history(
    ["authorized", "authorized"],
    ["captured", "captured"],
    ["completed", "approved"],
  ),
  "approved and completed both fire": history(["approved", "approved"], ["completed", "approved"]),
  "auto-refunded by Points": history(["approved", "approved"], ["auto_refunded", "fully_refunded"]),
  "auto-refunded with an undocumented status": history(
    ["authorized", "authorized"],
    ["captured", "captured"],
    ["auto_refunded", "reversed"],
  ),
  "partial auto-refund, then a refund": history(
    ["approved", "approved"],
    ["auto_refunded", "partially_refunded"],
    ["refunded", "fully_refunded"],
  ),
  "shipping update while still new": history(["shipping_status_updated", "new"], ["approved", "approved"]),
  "shipping after cancellation": history(["cancelled", "cancelled"], ["shipping_status_updated", "cancelled"]),
  "nothing received yet": [],
};

describe("checkLifecycle: legal histories", () => {
  for (const [name, events] of Object.entries(LEGAL)) {
    it(`${name}: nothing, in any arrival order`, () => {
      for (const arrival of arrivals(events)) expect(rules(arrival)).toEqual([]);
    });
  }

  it("snapshots with the same updated_at are put in state-machine order", () => {
    const same = history(["authorized", "authorized"], ["captured", "captured"]).map((e) => ({
      ...e,
      at: "2026-11-20T10:00:00.000Z",
    }));
    expect(rules(same)).toEqual([]);
    expect(rules([...same].reverse())).toEqual([]);
  });
});

describe("checkLifecycle: each rule", () => {
  it("captured_without_authorized", () => {
    const [f] = checkLifecycle(history(["captured", "captured"]));
    expect(f).toMatchObject({
      rule: "captured_without_authorized",
      deliveryId: "1",
      event: "captured",
      from: "new",
      at: "2026-11-20T10:00:00.000Z",
    });
    expect(f!.message).toMatch(/no authorized webhook/);
  });

  it("refunded_without_settlement: straight from new, or after an authorization that was never captured", () => {
    expect(rules(history(["refunded", "partially_refunded"]))).toEqual(["refunded_without_settlement"]);
    expect(rules(history(["authorized", "authorized"], ["refunded", "fully_refunded"]))).toEqual([
      "refunded_without_settlement",
    ]);
    expect(rules(history(["auto_refunded", "fully_refunded"]))).toEqual(["refunded_without_settlement"]);
  });

  it("change_after_final: anything financial after cancelled or fully_refunded", () => {
    expect(rules(history(["cancelled", "cancelled"], ["approved", "approved"]))).toEqual(["change_after_final"]);
    expect(
      rules(history(["approved", "approved"], ["refunded", "fully_refunded"], ["refunded", "partially_refunded"])),
    ).toEqual(["change_after_final"]);
    expect(rules(history(["cancelled", "cancelled"], ["cancelled", "cancelled"]))).toEqual(["change_after_final"]);
  });

  it("illegal_transition: backwards, repeated or refused steps", () => {
    expect(rules(history(["approved", "approved"], ["authorized", "authorized"]))).toEqual(["illegal_transition"]);
    expect(rules(history(["authorized", "authorized"], ["authorized", "authorized"]))).toEqual(["illegal_transition"]);
    // Points refuses to cancel a refunded order (§2 E9).
    const f = checkLifecycle(
      history(["approved", "approved"], ["refunded", "partially_refunded"], ["cancelled", "cancelled"]),
    );
    expect(f).toMatchObject([{ rule: "illegal_transition", from: "partially_refunded", deliveryId: "3" }]);
  });

  it("event_status_mismatch: the event names a change its snapshot does not show", () => {
    expect(rules(history(["approved", "approved"], ["refunded", "approved"]))).toEqual(["event_status_mismatch"]);
    expect(rules(history(["captured", "approved"]))).toEqual(["event_status_mismatch"]);
    expect(rules(history(["approved", "mystery"]))).toEqual(["event_status_mismatch"]);
  });

  it("missing_event: a shipping update shows a status no webhook announced", () => {
    expect(checkLifecycle(history(["shipping_status_updated", "approved"]))).toMatchObject([
      { rule: "missing_event", from: "new", orderStatus: "approved" },
    ]);
    expect(rules(history(["approved", "approved"], ["shipping_status_updated", "partially_refunded"]))).toEqual([
      "missing_event",
    ]);
    // A step that would be illegal anyway is reported as what it is.
    expect(rules(history(["shipping_status_updated", "captured"]))).toEqual(["captured_without_authorized"]);
  });

  it("each rule once per order, at its first breach, whatever the arrival order", () => {
    const events = history(
      ["captured", "captured"],
      ["refunded", "partially_refunded"],
      ["cancelled", "cancelled"],
      ["approved", "approved"],
      ["authorized", "authorized"],
    );
    for (const arrival of arrivals(events)) {
      const found = checkLifecycle(arrival);
      expect(found.map((f) => [f.rule, f.deliveryId])).toEqual([
        ["captured_without_authorized", "1"],
        ["illegal_transition", "3"],
        ["change_after_final", "4"],
      ]);
    }
  });

  it("every rule has a test above that makes it fire", () => {
    const fired = new Set(
      [
        history(["captured", "captured"]),
        history(["refunded", "partially_refunded"]),
        history(["cancelled", "cancelled"], ["approved", "approved"]),
        history(["approved", "approved"], ["authorized", "authorized"]),
        history(["captured", "approved"]),
        history(["shipping_status_updated", "approved"]),
      ].flatMap(rules),
    );
    expect([...fired].sort()).toEqual([...LIFECYCLE_RULES].sort());
  });
});
