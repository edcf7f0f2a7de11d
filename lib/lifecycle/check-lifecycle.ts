// An order's webhook history checked against the state machine of
// points-api.md §3.3. Pure. The deliveries are put in Points' own order
// (`order.updated_at`), not arrival order, so a legal history that arrived
// shuffled is still legal. Each rule is reported once per order, at its first
// breach: a flag is about the order, and the first breach is where to look.
//
// What counts as legal (the "?" cells of §3.3 are allowed, not flagged: only
// Points can say, and the dashboard lets Points decide them too):
//   new                → approved, authorized, cancelled
//   authorized         → captured, approved (complete), cancelled
//   captured           → approved (complete), partially_refunded, fully_refunded, cancelled
//   approved           → approved (`approved` and `completed` may both fire), partially_refunded, fully_refunded, cancelled
//   partially_refunded → partially_refunded (another partial refund), fully_refunded
//   cancelled, fully_refunded: final.
// `shipping_status_updated` moves no financial state; when its snapshot shows a
// different order_status, the webhook that announced that change is missing.

import { FINANCIAL_STATUS_ORDER, statusRank } from "@/lib/orders/status-order";

export const LIFECYCLE_RULES = [
  "captured_without_authorized",
  "refunded_without_settlement",
  "change_after_final",
  "illegal_transition",
  "event_status_mismatch",
  "missing_event",
] as const;
export type LifecycleRule = (typeof LIFECYCLE_RULES)[number];

/** One stored delivery of the order, as Points sent it. */
export interface HistoryEvent {
  deliveryId: string;
  event: string;
  /** `order.order_status` of the delivery's snapshot */
  orderStatus: string | null;
  /** `order.updated_at` of the snapshot: Points' time */
  at: Date | string;
}

export interface LifecycleFinding {
  rule: LifecycleRule;
  deliveryId: string;
  event: string;
  orderStatus: string | null;
  /** the status the order had before this step */
  from: string;
  at: string;
  message: string;
}

const NEXT: Record<string, readonly string[]> = {
  new: ["approved", "authorized", "cancelled"],
  authorized: ["captured", "approved", "cancelled"],
  captured: ["approved", "partially_refunded", "fully_refunded", "cancelled"],
  approved: ["approved", "partially_refunded", "fully_refunded", "cancelled"],
  partially_refunded: ["partially_refunded", "fully_refunded"],
  cancelled: [],
  fully_refunded: [],
};
const FINAL = new Set(["cancelled", "fully_refunded"]);
const REFUNDED = ["partially_refunded", "fully_refunded"];
const SETTLED = new Set(["approved", "captured"]);

// The order_status each event leaves the order in (§3.3, §4.1). `auto_refunded`:
// "refund-class terminal", exact status not documented, so any is accepted.
const EVENT_STATUS: Record<string, readonly string[] | undefined> = {
  approved: ["approved"],
  completed: ["approved"],
  authorized: ["authorized"],
  captured: ["captured"],
  cancelled: ["cancelled"],
  refunded: REFUNDED,
};
const REFUND_EVENTS = new Set(["refunded", "auto_refunded"]);
const SHIPPING_EVENT = "shipping_status_updated";

const time = (v: Date | string) => new Date(v).getTime();

function inPointsOrder(history: HistoryEvent[]): HistoryEvent[] {
  return [...history].sort(
    (a, b) =>
      time(a.at) - time(b.at) ||
      // Same instant (e.g. `approved` and `completed` of one completion): the order the state machine moves in.
      statusRank(FINANCIAL_STATUS_ORDER, a.orderStatus) - statusRank(FINANCIAL_STATUS_ORDER, b.orderStatus) ||
      Number(BigInt(a.deliveryId) - BigInt(b.deliveryId)),
  );
}

export function checkLifecycle(history: HistoryEvent[]): LifecycleFinding[] {
  const found = new Map<LifecycleRule, LifecycleFinding>();
  let state = "new";
  let authorized = false;
  let settled = false;

  for (const step of inPointsOrder(history)) {
    const status = step.orderStatus ?? "";
    const flag = (rule: LifecycleRule, message: string) => {
      if (!found.has(rule))
        found.set(rule, {
          rule,
          deliveryId: step.deliveryId,
          event: step.event,
          orderStatus: step.orderStatus,
          from: state,
          at: new Date(step.at).toISOString(),
          message,
        });
    };
    const shipping = step.event === SHIPPING_EVENT;
    if (shipping && status === state) continue;

    const expected = EVENT_STATUS[step.event];
    if (expected && !expected.includes(status))
      flag("event_status_mismatch", `A ${step.event} webhook carried order_status ${status || "none"}.`);

    const known = status in NEXT;
    const refund = REFUND_EVENTS.has(step.event) || REFUNDED.includes(status);
    let breach = true;
    if (FINAL.has(state))
      flag(
        "change_after_final",
        `A ${step.event} webhook (${status || "no status"}) came after the order was already ${state}.`,
      );
    else if (status === "captured" && !authorized)
      flag("captured_without_authorized", "The order was captured with no authorized webhook before it.");
    else if (refund && !settled)
      flag(
        "refunded_without_settlement",
        `A refund (${status || step.event}) came while the order was ${state}, before any settlement (approved or captured).`,
      );
    else if (known && !NEXT[state]!.includes(status))
      flag("illegal_transition", `${state} → ${status} (${step.event}) is not a step of the state machine.`);
    else breach = false;
    if (shipping && !breach)
      flag(
        "missing_event",
        `A shipping update showed the order ${status}, but no webhook announced the change from ${state}.`,
      );

    if (REFUND_EVENTS.has(step.event) && !known) state = "fully_refunded";
    else if (known) state = status;
    authorized ||= state === "authorized";
    settled ||= SETTLED.has(state);
  }
  return [...found.values()];
}
