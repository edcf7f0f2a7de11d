// The two retry disciplines. Reads and idempotent writes are resent freely.
// Calls that change money or order state are resent only when a failure proves
// Points did not act; otherwise the order is re-read to find out (confirm), and
// when even that cannot tell, the outcome is "unknown" rather than a guess.
import { nextDelay, type RetryPolicy } from "./backoff";
import { afterRetries, type PointsApiError } from "./errors";
import type { AppendedData } from "./schemas";
import type { Attempt, CallContext, Endpoint } from "./send-request";

export interface Runner {
  send<T>(ep: Endpoint<T>, attempt: number, ctx: CallContext): Promise<Attempt<T>>;
  retry: RetryPolicy;
  sleep(ms: number): Promise<void>;
}

export interface Success<T> {
  data: T;
  message: string;
  appended: AppendedData;
}

/**
 * - applied: Points answered success;
 * - already_applied: the answer was lost but a re-read shows the effect (data = the re-read order);
 * - unknown: Points may or may not have acted; record it as such and check before trying again.
 * A definite failure (Points refused, or certainly did not act) is thrown as PointsApiError.
 */
export type ActionResult<T> =
  | ({ outcome: "applied" | "already_applied"; attempts: number } & Success<T>)
  | { outcome: "unknown"; attempts: number; error: PointsApiError; message: string };

export type Verdict<T> = { kind: "applied"; data: T } | { kind: "not_applied" } | { kind: "unknown"; why: string };

/** Re-reads to judge a failed attempt; `ambiguous` means the request may still be in flight. */
export type Confirm<T> = (phase: "finished" | "ambiguous") => Promise<Verdict<T>>;

export async function callIdempotent<T>(r: Runner, ep: Endpoint<T>, ctx: CallContext): Promise<Success<T>> {
  for (let attempt = 1; ; attempt++) {
    const res = await r.send(ep, attempt, ctx);
    if (res.ok) return res;
    // A malformed success would be malformed again; a refusal would be refused again.
    const retryable = res.phase !== "rejected" && res.error.kind !== "invalid_response";
    const wait = retryable ? nextDelay(attempt, r.retry, res.retryAfterMs) : null;
    if (wait === null) throw afterRetries(res.error, attempt);
    await r.sleep(wait);
  }
}

const NO_LOOKUP =
  "Points may have acted on it and the result cannot be looked up: wait for its webhook or check in Points before trying again";
const IN_FLIGHT = "the order does not show it yet, but Points may still apply it";

function unknown<T>(error: PointsApiError, attempts: number, why: string): ActionResult<T> {
  return { outcome: "unknown", attempts, error, message: `${error.message}; ${why}` };
}

export async function callAction<T>(
  r: Runner,
  ep: Endpoint<T>,
  ctx: CallContext,
  confirm?: Confirm<T>,
): Promise<ActionResult<T>> {
  for (let attempt = 1; ; attempt++) {
    const res = await r.send(ep, attempt, ctx);
    if (res.ok)
      return { outcome: "applied", attempts: attempt, data: res.data, message: res.message, appended: res.appended };
    if (res.phase === "rejected") throw afterRetries(res.error, attempt);
    if (res.phase !== "not_sent") {
      if (!confirm) return unknown(res.error, attempt, NO_LOOKUP);
      const verdict = await confirm(res.phase);
      if (verdict.kind === "applied")
        return { outcome: "already_applied", attempts: attempt, data: verdict.data, message: "", appended: {} };
      if (verdict.kind === "unknown") return unknown(res.error, attempt, verdict.why);
      // After a timeout "not yet" proves nothing: the first request may still land.
      if (res.phase === "ambiguous") return unknown(res.error, attempt, IN_FLIGHT);
    }
    const wait = nextDelay(attempt, r.retry, res.retryAfterMs);
    if (wait === null) throw afterRetries(res.error, attempt);
    await r.sleep(wait);
  }
}
