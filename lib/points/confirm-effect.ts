// Did a lost or failed order action take effect? Answered from a re-read of
// the order (GET /orders/{uuid}), compared with the state before the call.
//
// Assumptions (points-api.md §2 E6–E10, §3.3): each action moves order_status
// to a state of its own, and every change at Points moves updated_at. So an
// unchanged updated_at proves nothing happened, and the new status usually
// tells whether our action happened. Refunds need the before-state: a second
// partial refund leaves the order partially_refunded, so only the comparison
// with the state before the call can tell.
import type { RetryPolicy } from "./backoff";
import type { Confirm } from "./call-with-retry";
import type { ApiOrder } from "./schemas";

export type OrderAction = "authorize" | "capture" | "complete" | "cancel" | "refund";
export type Judgement = "applied" | "not_applied" | "unclear";

// done: the action's effect is visible; notYet: the order still waits for it.
const EFFECT: Record<Exclude<OrderAction, "refund">, { done: string[]; notYet: string[] }> = {
  authorize: { done: ["authorized", "captured"], notYet: ["new"] },
  capture: { done: ["captured"], notYet: ["authorized"] },
  complete: { done: ["approved"], notYet: ["new", "authorized"] },
  cancel: { done: ["cancelled"], notYet: ["new", "authorized", "approved", "captured"] },
};

const REFUNDED = ["partially_refunded", "fully_refunded"];

function sameInstant(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isNaN(x) || Number.isNaN(y) ? a === b : x === y;
}

// Points may write whole seconds (points-api.md §4.2 examples): then a change within the same
// second keeps updated_at, and only a timestamp with non-zero fractions proves nothing changed.
const subSecond = (ts: string) => /\.\d*[1-9]/.test(ts);

function judgeRefund(after: ApiOrder, before: ApiOrder | undefined): Judgement {
  if (!before) return "unclear";
  const from = before.order_status;
  const to = after.order_status;
  // From partially_refunded another partial refund looks like any other change.
  if (from === "partially_refunded") return to === "fully_refunded" ? "applied" : "unclear";
  if (REFUNDED.includes(to)) return "applied";
  // A refund always changes the status, so the same status means e.g. a shipping update.
  return to === from ? "not_applied" : "unclear";
}

export function judgeEffect(action: OrderAction, after: ApiOrder, before?: ApiOrder): Judgement {
  if (before && sameInstant(before.updated_at, after.updated_at) && subSecond(after.updated_at)) return "not_applied";
  if (action === "refund") return judgeRefund(after, before);
  const effect = EFFECT[action];
  if (effect.done.includes(after.order_status)) return "applied";
  if (effect.notYet.includes(after.order_status)) return "not_applied";
  return "unclear";
}

/** Waits before re-reading again after a timeout, giving an in-flight request time to land. */
export function settleDelays(policy: RetryPolicy): number[] {
  return [1, 2, 4].map((f) => Math.min(policy.maxDelayMs, policy.baseDelayMs * f));
}

export function confirmByReading(
  read: () => Promise<ApiOrder>,
  action: OrderAction,
  before: ApiOrder | undefined,
  settle: { sleep: (ms: number) => Promise<void>; delaysMs: number[] },
): Confirm<ApiOrder> {
  return async (phase) => {
    // A finished request has already done whatever it did: one read is enough.
    const waits = phase === "ambiguous" ? settle.delaysMs : [];
    for (let i = 0; ; i++) {
      let after: ApiOrder;
      try {
        after = await read();
      } catch (e) {
        return {
          kind: "unknown",
          why: `re-reading the order failed too (${e instanceof Error ? e.message : String(e)})`,
        };
      }
      const judgement = judgeEffect(action, after, before);
      if (judgement === "applied") return { kind: "applied", data: after };
      if (judgement === "unclear") {
        return {
          kind: "unknown",
          why: `the order is now ${after.order_status}, which does not show whether the ${action} took effect`,
        };
      }
      const wait = waits[i];
      if (wait === undefined) return { kind: "not_applied" };
      await settle.sleep(wait);
    }
  };
}
