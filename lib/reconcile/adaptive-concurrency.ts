// How many Points reads a reconciliation keeps in flight, adjusted as answers
// come in (AIMD, as TCP does): while answers stay fast the limit grows by about
// one per round of answers; a 429 halves it. Pure: the caller passes the clock.
//
// Points documents 429 as its per-merchant lock being busy, not a quota, so a
// 429 says "fewer at once". A burst of 429s from calls that were all in flight
// together is one signal, not many: the limit is cut at most once per cooldown
// — the Retry-After Points sent, at least one second — so the cut has time to
// show before the next. The call that got the 429 itself waits its Retry-After
// before it is resent (lib/points/call-with-retry.ts), holding its slot.
// "Fast" is relative: an answer slower than `slowFactor` × the best recent
// latency (the API or our own database queueing) stops the growth.

export interface AdaptiveOptions {
  initial?: number;
  min?: number;
  max?: number;
  slowFactor?: number;
}

export const ADAPTIVE_DEFAULTS: Required<AdaptiveOptions> = { initial: 4, min: 1, max: 64, slowFactor: 2 };

const MIN_COOLDOWN_MS = 1_000;
// The best latency is taken over the last one or two windows of this many answers, so it can rise again.
const BASELINE_WINDOW = 200;
// Latencies differing by less than this are the same: timer and scheduling noise on a fast local API.
const NOISE_MS = 10;

export class AdaptiveConcurrency {
  private readonly opts: Required<AdaptiveOptions>;
  private value: number;
  private cutAt = Number.NEGATIVE_INFINITY;
  private cooldownMs = MIN_COOLDOWN_MS;
  private bestNow = Number.POSITIVE_INFINITY;
  private bestBefore = Number.POSITIVE_INFINITY;
  private inWindow = 0;
  /** Counts for reports: answers seen, 429s seen, cuts made. */
  readonly stats = { answers: 0, throttled: 0, cuts: 0, peak: 0 };

  constructor(opts: AdaptiveOptions = {}) {
    this.opts = { ...ADAPTIVE_DEFAULTS, ...opts };
    if (this.opts.min < 1 || this.opts.max < this.opts.min) throw new Error("concurrency: need 1 <= min <= max");
    this.value = clamp(this.opts.initial, this.opts.min, this.opts.max);
    this.stats.peak = this.limit;
  }

  /** Calls that may be in flight now. */
  get limit(): number {
    return Math.floor(this.value);
  }

  /** Any answer but a 429 (errors too: they say nothing about load unless slow). */
  onAnswer(latencyMs: number): void {
    this.stats.answers++;
    this.trackBaseline(latencyMs);
    const best = Math.min(this.bestNow, this.bestBefore);
    if (latencyMs > best * this.opts.slowFactor + NOISE_MS) return;
    this.value = Math.min(this.opts.max, this.value + 1 / this.value);
    this.stats.peak = Math.max(this.stats.peak, this.limit);
  }

  /** A 429; `retryAfterMs` as Points sent it (null when it sent none). */
  onThrottle(retryAfterMs: number | null, now: number): void {
    this.stats.throttled++;
    if (now - this.cutAt < this.cooldownMs) return;
    this.value = Math.max(this.opts.min, this.value / 2);
    this.cutAt = now;
    this.cooldownMs = Math.max(MIN_COOLDOWN_MS, retryAfterMs ?? 0);
    this.stats.cuts++;
  }

  private trackBaseline(latencyMs: number) {
    this.bestNow = Math.min(this.bestNow, latencyMs);
    if (++this.inWindow < BASELINE_WINDOW) return;
    this.bestBefore = this.bestNow;
    this.bestNow = Number.POSITIVE_INFINITY;
    this.inWindow = 0;
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
