// The durable queue behind the receiver: stored deliveries are claimed with
// FOR UPDATE SKIP LOCKED (so `after()`, the cron route and the in-process
// sweeper never process one delivery at the same time), projected into the
// order store, and retried with capped exponential back-off until they are
// dead-lettered for ops to look at and replay. A failure no retry can fix (the
// store refuses the data, the body no longer parses) is dead-lettered at once.
//
// The slow path leases what it claims, and a lease can run out under a holder
// that is only stalled (a frozen VM, a stopped process). So every claim
// carries a token (lease_token, incremented by each claim), and each write
// made under the claim checks it in the same statement: a holder whose claim
// was taken over — or already processed by someone else — finds nothing to
// write, and stops.
import { leaseDurations } from "@/lib/config/env";
import type { Db, Tx } from "@/lib/db/prisma";
import { isDataError } from "@/lib/db/sql-state";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyOrderSnapshots } from "@/lib/orders/apply-order-snapshot";
import { confirmIntentsSql } from "@/lib/orders/confirm-intents";
import { parseEnvelope, type WebhookEnvelope } from "@/lib/points/envelope";
import { snapshotFromWebhook } from "./snapshot-from-webhook";

// The wait after each failed attempt, in order; the attempt after the last one
// is the final try, and its failure dead-letters the delivery.
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export type ProcessTrigger = "after" | "sweeper" | "replay";

export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
}

interface Claimed {
  id: bigint;
  raw_body: string;
  attempts: number;
  /** Set on the slow path's leased claims; null when the caller's transaction holds the row lock. */
  lease_token: bigint | null;
}

// Due: waiting for its (next) attempt, or claimed by a processor whose lease ran out.
const due = (ids: bigint[] | null) => Prisma.sql`
  ((status IN ('pending', 'failed') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
   OR (status = 'processing' AND locked_until < now()))
  AND (${ids}::bigint[] IS NULL OR id = ANY(${ids}::bigint[]))`;

/** Claims due deliveries under a lease (a new token each), each then processed on its own (the slow path). */
async function claim(db: Db, limit: number, ids: bigint[] | null, leaseMs: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE webhook_deliveries d
       SET status = 'processing', attempts = d.attempts + 1, lease_token = d.lease_token + 1,
           locked_until = now() + make_interval(secs => ${leaseMs / 1_000})
     WHERE d.id IN (
       SELECT id FROM webhook_deliveries
        WHERE ${due(ids)}
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.raw_body, d.attempts, d.lease_token`;
}

/** Still held under these claims: processing, with the token each claim handed out. */
const held = (claims: Claimed[]) => Prisma.sql`
  status = 'processing'
  AND (id, lease_token) IN (SELECT * FROM unnest(${claims.map((c) => c.id)}::bigint[], ${claims.map((c) => c.lease_token)}::bigint[]))`;

/** Extends the lease of the claims still held; answers which those are. */
async function renewLease(db: Db, claims: Claimed[], leaseMs: number): Promise<Set<bigint>> {
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    UPDATE webhook_deliveries SET locked_until = now() + make_interval(secs => ${leaseMs / 1_000})
     WHERE ${held(claims)}
    RETURNING id`;
  return new Set(rows.map((r) => r.id));
}

/** Locks due deliveries for the caller's transaction only: if it fails or the process dies, they are simply due again. */
function lockDue(tx: Tx, limit: number, ids: bigint[] | null): Promise<Claimed[]> {
  return tx.$queryRaw<Claimed[]>`
    SELECT id, raw_body, attempts + 1 AS attempts, NULL::bigint AS lease_token FROM webhook_deliveries
     WHERE ${due(ids)}
     ORDER BY id
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`;
}

type Outcome = "failed" | "dead" | "superseded";

/** Records a failed attempt of a leased delivery, unless its claim was taken over meanwhile. */
async function markFailed(
  db: Db,
  delivery: Claimed,
  error: unknown,
  started: number,
  trigger: ProcessTrigger,
): Promise<Outcome> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
  const dead = delivery.attempts >= MAX_ATTEMPTS || error instanceof Unparseable || isDataError(error);
  const nextAttemptAt = dead ? null : new Date(Date.now() + retryDelayMs(delivery.attempts));
  const [written] = await db.$queryRaw<Array<{ n: number }>>`
    WITH marked AS (
      UPDATE webhook_deliveries
         SET status = ${dead ? "dead" : "failed"}::"DeliveryStatus", last_error = ${message}, locked_until = NULL,
             next_attempt_at = ${nextAttemptAt}::timestamptz
       WHERE ${held([delivery])}
      RETURNING id),
    logged AS (
      INSERT INTO delivery_attempts (delivery_id, duration_ms, ok, error, trigger)
      SELECT id, ${performance.now() - started}, false, ${message}, ${trigger} FROM marked)
    SELECT count(*)::int AS n FROM marked`;
  if (!written?.n) return "superseded";
  return dead ? "dead" : "failed";
}

/** A stored body this version cannot read as an envelope: the same on every attempt. */
class Unparseable extends Error {}

/** Stored before this version knew better, or its event became unknown: it waits, unprocessed, for a replay. */
async function markUnsupported(db: Db, delivery: Claimed, reason: string): Promise<void> {
  await db.$executeRaw`
    UPDATE webhook_deliveries
       SET status = 'unsupported', last_error = ${reason}, locked_until = NULL, next_attempt_at = NULL
     WHERE ${held([delivery])}`;
}

type Item = { delivery: Claimed; envelope: WebhookEnvelope };

/**
 * Projects the deliveries and marks them processed, in the caller's
 * transaction, with a few set-based statements. Leased items are first locked
 * under their tokens; those whose claim was taken over are left out. Answers
 * how many were applied.
 */
async function applyItems(
  tx: Tx,
  all: Item[],
  started: number,
  trigger: ProcessTrigger,
  opts: { leased: boolean },
): Promise<number> {
  let items = all;
  if (opts.leased) {
    const claims = all.map((i) => i.delivery);
    const kept = new Set(
      (
        await tx.$queryRaw<Array<{ id: bigint }>>`SELECT id FROM webhook_deliveries WHERE ${held(claims)} FOR UPDATE`
      ).map((r) => r.id),
    );
    items = all.filter((i) => kept.has(i.delivery.id));
    if (items.length === 0) return 0;
  }
  const ids = items.map((i) => i.delivery.id);
  const durationMs = (performance.now() - started) / items.length;
  await applyOrderSnapshots(
    tx,
    items.map((i) => snapshotFromWebhook(i.envelope)),
  );
  // Staff actions these events confirm, in the statement that marks the batch processed (other tables).
  const confirm = confirmIntentsSql(items.map((i) => ({ orderUuid: i.envelope.order.id, event: i.envelope.event })));
  await tx.$executeRaw`
    WITH ${confirm ? Prisma.sql`confirmed AS (${confirm}),` : Prisma.empty}
    done AS (
      UPDATE webhook_deliveries
         SET status = 'processed', processed_at = now(), locked_until = NULL, next_attempt_at = NULL, last_error = NULL,
             attempts = attempts + ${opts.leased ? 0 : 1}
       WHERE id = ANY(${ids}::bigint[]))
    INSERT INTO delivery_attempts (delivery_id, duration_ms, ok, trigger)
    SELECT unnest(${ids}::bigint[]), ${durationMs}, true, ${trigger}`;
  return items.length;
}

const applyLeased = (db: Db, items: Item[], started: number, trigger: ProcessTrigger) =>
  db.$transaction((tx) => applyItems(tx, items, started, trigger, { leased: true }));

class NeedsOneByOne extends Error {}

/** How long parsing may hold the event loop before it lets waiting requests in. */
const PARSE_SLICE_MS = 2;

/**
 * A large batch is parsed in slices of a few milliseconds, not of a count: a body's parse takes
 * 0.1–0.3 ms, so 50 at a time held acknowledgements back 5–17 ms (their p99). The clock starts
 * when the slices are made, so make them once the batch is in hand (not before a lock's wait).
 */
function parseSlices() {
  let sliceStart = performance.now();
  return {
    async yieldIfDue() {
      if (performance.now() - sliceStart <= PARSE_SLICE_MS) return;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    },
  };
}

/**
 * The fast path: lock a batch, apply it and mark it processed in one
 * transaction, so each delivery is written once. Answers how many were
 * processed, or null when the batch must go the slow way (a body that no
 * longer parses, a delivery the store refuses), which leaves nothing changed.
 */
async function processLockedBatch(
  db: Db,
  limit: number,
  ids: bigint[] | null,
  trigger: ProcessTrigger,
): Promise<number | null> {
  try {
    return await db.$transaction(async (tx) => {
      const started = performance.now();
      const items: Item[] = [];
      const due = await lockDue(tx, limit, ids);
      const slice = parseSlices();
      for (const delivery of due) {
        await slice.yieldIfDue();
        const parsed = parseEnvelope(delivery.raw_body);
        if (!parsed.ok) throw new NeedsOneByOne();
        items.push({ delivery, envelope: parsed.envelope });
      }
      return items.length > 0 ? applyItems(tx, items, started, trigger, { leased: false }) : 0;
    });
  } catch {
    return null;
  }
}

/** Works a leased batch off; stops at the first write that finds its claim taken over. */
async function processBatch(
  db: Db,
  batch: Claimed[],
  trigger: ProcessTrigger,
  summary: ProcessSummary,
  leaseMs: number,
): Promise<void> {
  const started = performance.now();
  const items: Item[] = [];
  const slice = parseSlices();
  for (const delivery of batch) {
    await slice.yieldIfDue();
    const parsed = parseEnvelope(delivery.raw_body);
    if (parsed.ok) items.push({ delivery, envelope: parsed.envelope });
    else if (parsed.unsupported) await markUnsupported(db, delivery, parsed.error);
    else {
      const outcome = await markFailed(
        db,
        delivery,
        new Unparseable(`stored body no longer parses: ${parsed.error}`),
        started,
        trigger,
      );
      summary[outcome]++;
      if (outcome === "superseded") return;
    }
  }
  if (items.length === 0) return;
  try {
    const applied = await applyLeased(db, items, started, trigger);
    summary.processed += applied;
    summary.superseded += items.length - applied;
    return;
  } catch {
    // One bad delivery must not hold back the others: retry them one by one below.
  }
  let renewed = performance.now();
  for (const [i, item] of items.entries()) {
    // A long loop keeps its lease: renewed once a third of it has passed.
    if (performance.now() - renewed > leaseMs / 3) {
      const still = await renewLease(
        db,
        items.slice(i).map((it) => it.delivery),
        leaseMs,
      );
      renewed = performance.now();
      if (!still.has(item.delivery.id)) {
        summary.superseded += items.length - i;
        return;
      }
    }
    const one = performance.now();
    let outcome: Outcome | "processed";
    try {
      outcome = (await applyLeased(db, [item], one, trigger)) === 1 ? "processed" : "superseded";
    } catch (error) {
      outcome = await markFailed(db, item.delivery, error, one, trigger);
    }
    summary[outcome]++;
    // Taken over: the others of this claim most likely were too, and whoever holds them now works them off.
    if (outcome === "superseded") {
      summary.superseded += items.length - i - 1;
      return;
    }
  }
}

export interface ProcessSummary {
  processed: number;
  failed: number;
  dead: number;
  /** Claims of this call that another processor took over after the lease ran out; left to it. */
  superseded: number;
}

/** Processes due deliveries (or only `ids`), batch after batch, until none is due or the time budget is spent. */
export async function processDeliveries(
  db: Db,
  opts: { trigger: ProcessTrigger; ids?: bigint[]; batchSize?: number; budgetMs?: number; leaseMs?: number } = {
    trigger: "sweeper",
  },
): Promise<ProcessSummary> {
  const summary: ProcessSummary = { processed: 0, failed: 0, dead: 0, superseded: 0 };
  const leaseMs = opts.leaseMs ?? leaseDurations().webhookClaimMs;
  const batchSize = opts.batchSize ?? 50;
  const deadline = Date.now() + (opts.budgetMs ?? 20_000);
  const ids = opts.ids ?? null;
  // At least one batch per call, so every caller makes progress whatever its budget.
  do {
    const processed = await processLockedBatch(db, batchSize, ids, opts.trigger);
    if (processed !== null) {
      summary.processed += processed;
      if (processed < batchSize || ids) break;
      continue;
    }
    // Slow path: lease the batch, then try it whole and, failing that, one delivery at a time.
    const batch = await claim(db, batchSize, ids, leaseMs);
    await processBatch(db, batch, opts.trigger, summary, leaseMs);
    if (batch.length < batchSize || ids) break;
  } while (Date.now() < deadline);
  return summary;
}
