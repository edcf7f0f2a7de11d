import type { WebhookEndpoint } from "./endpoints";
import { postJson } from "./post-json";
import { setMaxListeners } from "node:events";

export interface DeliveryConfig {
  /** true = every delivery is sent twice; a number in [0,1] = probability of a second copy. */
  duplicates: boolean | number;
  /** Buffer deliveries for `shuffleWindowMs`, then start them in random order. */
  shuffle: boolean;
  shuffleWindowMs: number;
  /** Wait before the first attempt of each delivery. */
  delayMs: number;
  /** Held deliveries are sent on resume (paused → false). */
  paused: boolean;
  /** Pause between attempts; attempts = 1 + length (§4.5: "up to 3 attempts"). */
  retryDelaysMs: number[];
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_CONFIG: DeliveryConfig = {
  duplicates: false,
  shuffle: false,
  shuffleWindowMs: 200,
  delayMs: 0,
  paused: false,
  retryDelaysMs: [1000, 5000],
  timeoutMs: 10_000,
};

export interface DeliveryAttempt {
  n: number;
  started_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export type DeliveryState =
  "held" | "buffered" | "waiting" | "sending" | "retry_wait" | "succeeded" | "failed" | "cancelled";

export interface Delivery {
  id: string;
  seq: number;
  /** Position in which the first attempt started; differs from seq under shuffle. */
  send_seq: number | null;
  event: string;
  order_id: string | null;
  endpoint_id: string;
  url: string;
  secret: string;
  body: string;
  created_at: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  duplicate_of: string | null;
  replay_of: string | null;
}

/** Webhook sender with the mechanics of points-api.md §4.4–4.5 plus test switches. */
// One signal cancels every request in flight on reset/close; each request
// listens to it, so the default limit of 10 listeners would only warn.
function unlimitedController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

export class DeliveryEngine {
  config: DeliveryConfig;
  private deliveries: Delivery[] = [];
  private held: Delivery[] = [];
  private buffer: Delivery[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly inflight = new Set<Promise<void>>();
  private readonly waiters = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private abort = unlimitedController();
  private generation = 0;
  private seq = 0;
  private sendSeq = 0;

  constructor(
    private readonly baseConfig: DeliveryConfig,
    private readonly endpoints: () => WebhookEndpoint[],
    private readonly log: (line: string) => void,
    private readonly random: () => number = Math.random,
  ) {
    this.config = structuredClone(baseConfig);
  }

  list(): Delivery[] {
    return this.deliveries;
  }

  find(id: string): Delivery | undefined {
    return this.deliveries.find((d) => d.id === id);
  }

  configure(patch: Partial<DeliveryConfig>): DeliveryConfig {
    const resuming = patch.paused === false && this.config.paused;
    this.config = { ...this.config, ...patch };
    if (resuming) for (const d of this.held.splice(0)) this.enqueue(d);
    return this.config;
  }

  /** Fan one event out to every registered endpoint (no per-endpoint filters, §8.14). */
  dispatch(event: string, payload: { order: { id: string } } & Record<string, unknown>): Delivery[] {
    const body = JSON.stringify(payload);
    const orderId = payload.order.id;
    const created: Delivery[] = [];
    for (const ep of this.endpoints()) {
      const d = this.make(event, orderId, ep.uuid, ep.url, ep.secret, body, null, null);
      created.push(d);
      if (this.wantDuplicate()) created.push(this.make(event, orderId, ep.uuid, ep.url, ep.secret, body, d.id, null));
    }
    for (const d of created) this.enqueue(d);
    return created;
  }

  /** Same body again, like a Points backend replay; to the endpoint's current URL if it still exists. */
  replay(id: string): Delivery | undefined {
    const orig = this.find(id);
    if (!orig) return undefined;
    const ep = this.endpoints().find((e) => e.uuid === orig.endpoint_id);
    const d = this.make(
      orig.event,
      orig.order_id,
      orig.endpoint_id,
      ep?.url ?? orig.url,
      ep?.secret ?? orig.secret,
      orig.body,
      null,
      orig.id,
    );
    this.enqueue(d);
    return d;
  }

  /** Resolves once nothing is buffered or being sent; held (paused) deliveries do not count. */
  async waitForIdle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.length > 0 || this.inflight.size > 0) {
      if (Date.now() > deadline) throw new Error("sim: webhook deliveries still busy after waitForIdle timeout");
      await Promise.race([...this.inflight, new Promise((r) => setTimeout(r, 10))]);
    }
  }

  /** Drops every delivery and pending timer; the engine stays usable. */
  reset(config: DeliveryConfig = this.baseConfig): void {
    this.stopAll();
    this.deliveries = [];
    this.held = [];
    this.buffer = [];
    this.seq = 0;
    this.sendSeq = 0;
    this.config = structuredClone(config);
  }

  close(): void {
    this.stopAll();
  }

  private stopAll(): void {
    this.generation++;
    this.abort.abort();
    this.abort = unlimitedController();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve();
    }
    this.waiters.clear();
    for (const d of [...this.buffer, ...this.held]) d.state = "cancelled";
  }

  private wantDuplicate(): boolean {
    const dup = this.config.duplicates;
    if (typeof dup === "number") return this.random() < dup;
    return dup;
  }

  private make(
    event: string,
    orderId: string | null,
    endpointId: string,
    url: string,
    secret: string,
    body: string,
    duplicateOf: string | null,
    replayOf: string | null,
  ): Delivery {
    const seq = ++this.seq;
    const d: Delivery = {
      id: `dlv_${String(seq).padStart(6, "0")}`,
      seq,
      send_seq: null,
      event,
      order_id: orderId,
      endpoint_id: endpointId,
      url,
      secret,
      body,
      created_at: new Date().toISOString(),
      state: "buffered",
      attempts: [],
      duplicate_of: duplicateOf,
      replay_of: replayOf,
    };
    this.deliveries.push(d);
    return d;
  }

  private enqueue(d: Delivery): void {
    if (this.config.paused) {
      d.state = "held";
      this.held.push(d);
    } else if (this.config.shuffle) {
      d.state = "buffered";
      this.buffer.push(d);
      this.flushTimer ??= setTimeout(() => this.flush(), this.config.shuffleWindowMs);
    } else {
      this.run(d);
    }
  }

  private flush(): void {
    this.flushTimer = null;
    const batch = this.buffer.splice(0);
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    for (const d of batch) this.run(d);
  }

  private run(d: Delivery): void {
    const p: Promise<void> = this.deliver(d, this.generation).finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const w = { timer: setTimeout(() => (this.waiters.delete(w), resolve()), ms), resolve };
      this.waiters.add(w);
    });
  }

  private async deliver(d: Delivery, gen: number): Promise<void> {
    const { delayMs, retryDelaysMs, timeoutMs } = this.config;
    if (delayMs > 0) {
      d.state = "waiting";
      await this.wait(delayMs);
    }
    d.send_seq = ++this.sendSeq;
    const maxAttempts = 1 + retryDelaysMs.length;
    for (let n = 1; n <= maxAttempts; n++) {
      if (gen !== this.generation) return void (d.state = "cancelled");
      d.state = "sending";
      const startedAt = new Date().toISOString();
      const headers = {
        "Content-Type": "application/json",
        "X-Webhook-Secret": d.secret,
        "X-Webhook-Event": d.event,
        "User-Agent": "points-sandbox-double",
      };
      const r = await postJson(d.url, headers, d.body, timeoutMs, this.abort.signal);
      if (gen !== this.generation) return void (d.state = "cancelled");
      d.attempts.push({
        n,
        started_at: startedAt,
        status_code: r.statusCode,
        error: r.error,
        duration_ms: r.durationMs,
      });
      this.log(`webhook ${d.id} ${d.event} → ${d.url} attempt ${n}/${maxAttempts}: ${r.statusCode ?? r.error}`);
      if (r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300) return void (d.state = "succeeded");
      if (n < maxAttempts) {
        d.state = "retry_wait";
        await this.wait(retryDelaysMs[n - 1] ?? 0);
      }
    }
    d.state = "failed";
  }
}
