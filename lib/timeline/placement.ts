// Where each entry sits on the timeline, so it reads cause before effect.
//
// Each source records a different moment of the same event, and not the one
// that matters for the order: an API call row is written when the answer came
// back, the audit entry of a staff request only after its Points calls (with
// the outcome), while Points stamps its webhook with the moment it changed the
// order, i.e. during our call. Sorted by those raw times, a refund read
// webhook → call → staff action, upside down. So each entry is placed at the
// moment it began (a staff request at the start of its first call, a call at
// its start), and within one moment the order is the causal one: staff, then
// call, then webhook, then what reconciliation found.
//
// Points' clock may be coarser than ours: its examples carry whole seconds
// (points-api.md §4.2; the double's "documented" mode sends them so). A
// whole-second time only says the change happened within that second, so a
// webhook confirming a request we sent in that same second (CONFIRMS) is placed
// at that request's changing call, just after it, and not before the staff
// action that caused it.
import { CONFIRMS } from "@/lib/orders/confirm-intents";
import type { WebhookEvent } from "@/lib/points/envelope";

export type PlacedKind = "action" | "api_call" | "webhook" | "difference" | "lifecycle_flag";

const CAUSAL_RANK: Record<PlacedKind, number> = {
  action: 0,
  api_call: 1,
  webhook: 2,
  difference: 3,
  lifecycle_flag: 4,
};

export interface Placed<T> {
  kind: PlacedKind;
  id: string;
  /** ms since the epoch */
  moment: number;
  entry: T;
}

/** A call of ours that asked Points to change the order (not a read), for the request kind it served. */
export interface SentChange {
  kind: string;
  start: number;
}

/** When an API call began: its row is written with the time the answer came back. */
export const callStart = (endedAt: Date, latencyMs: number) => endedAt.getTime() - Math.max(0, latencyMs);

/**
 * `sent` in start order; `taken` collects the calls already paired with a webhook, so two refunds in one
 * second pair with their two webhooks in turn (one webhook for both, a repeat snapshot, sits after the last).
 */
export function webhookMoment(
  pointsTime: Date,
  event: string | null,
  sent: readonly SentChange[],
  taken: Set<SentChange>,
): number {
  const t = pointsTime.getTime();
  const confirms: readonly string[] = (event && CONFIRMS[event as WebhookEvent]) || [];
  if (t % 1000 !== 0 || confirms.length === 0) return t;
  const inSecond = sent.filter((s) => confirms.includes(s.kind) && s.start >= t && s.start < t + 1000);
  const call = inSecond.find((s) => !taken.has(s)) ?? inSecond.at(-1);
  if (!call) return t;
  taken.add(call);
  return call.start;
}

const byId = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export function inCausalOrder<T>(placed: Placed<T>[]): T[] {
  return placed
    .sort((a, b) => a.moment - b.moment || CAUSAL_RANK[a.kind] - CAUSAL_RANK[b.kind] || byId(a.id, b.id))
    .map((p) => p.entry);
}
