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
//
// The statements run on node-postgres directly (sqlPoolOf): a batch's
// statements carry hundreds of rows each way, and through the ORM each held
// the event loop 4–16 ms while acknowledgements waited (lib/db/sql-client.ts).
import type pg from "pg";
import { leaseDurations } from "@/lib/config/env";
import { sqlPoolOf, type Db } from "@/lib/db/prisma";
import { inTransaction, type SqlClient } from "@/lib/db/sql-client";
import { isDataError } from "@/lib/db/sql-state";
import { applyOrderSnapshots } from "@/lib/orders/apply-order-snapshot";
import { confirmedPairs, confirmIntentsSql } from "@/lib/orders/confirm-intents";
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

// Due: waiting for its (next) attempt, or claimed by a processor whose lease ran out; `ids`, the
// parameter holding the deliveries asked for (null: any).
const due = (ids: string) => `
  ((status IN ('pending', 'failed') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
   OR (status = 'processing' AND locked_until < now()))
  AND (${ids}::bigint[] IS NULL OR id = ANY(${ids}::bigint[]))`;

// node-postgres reads bigint columns as text.
type ClaimedRow = Omit<Claimed, "id" | "lease_token"> & { id: string; lease_token: string | null };
const toClaimed = (r: ClaimedRow): Claimed => ({
  ...r,
  id: BigInt(r.id),
  lease_token: r.lease_token === null ? null : BigInt(r.lease_token),
});

/** Claims due deliveries under a lease (a new token each), each then processed on its own (the slow path). */
async function claim(sql: SqlClient, limit: number, ids: bigint[] | null, leaseMs: number): Promise<Claimed[]> {
  const { rows } = await sql.query<ClaimedRow>(
    `UPDATE webhook_deliveries d
        SET status = 'processing', attempts = d.attempts + 1, lease_token = d.lease_token + 1,
            locked_until = now() + make_interval(secs => $3::float8)
      WHERE d.id IN (
        SELECT id FROM webhook_deliveries
         WHERE ${due("$1")}
         ORDER BY id
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
     RETURNING d.id, d.raw_body, d.attempts, d.lease_token`,
    [ids, limit, leaseMs / 1_000],
  );
  return rows.map(toClaimed);
}

/** Still held under the claims in parameters `ids` and `tokens`: processing, with the token each claim handed out. */
const held = (ids: string, tokens: string) => `
  status = 'processing' AND (id, lease_token) IN (SELECT * FROM unnest(${ids}::bigint[], ${tokens}::bigint[]))`;
const heldParams = (claims: Claimed[]) => [claims.map((c) => c.id), claims.map((c) => c.lease_token)];

/** Extends the lease of the claims still held; answers which those are. */
async function renewLease(sql: SqlClient, claims: Claimed[], leaseMs: number): Promise<Set<bigint>> {
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE webhook_deliveries SET locked_until = now() + make_interval(secs => $3::float8)
      WHERE ${held("$1", "$2")}
     RETURNING id`,
    [...heldParams(claims), leaseMs / 1_000],
  );
  return new Set(rows.map((r) => BigInt(r.id)));
}

/** Locks due deliveries for the caller's transaction only: if it fails or the process dies, they are simply due again. */
async function lockDue(tx: SqlClient, limit: number, ids: bigint[] | null): Promise<Claimed[]> {
  const { rows } = await tx.query<ClaimedRow>(
    `SELECT id, raw_body, attempts + 1 AS attempts, NULL::bigint AS lease_token FROM webhook_deliveries
      WHERE ${due("$1")}
      ORDER BY id
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [ids, limit],
  );
  return rows.map(toClaimed);
}

type Outcome = "failed" | "dead" | "superseded";

/** Records a failed attempt of a leased delivery, unless its claim was taken over meanwhile. */
async function markFailed(
  sql: SqlClient,
  delivery: Claimed,
  error: unknown,
  started: number,
  trigger: ProcessTrigger,
): Promise<Outcome> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
  const dead = delivery.attempts >= MAX_ATTEMPTS || error instanceof Unparseable || isDataError(error);
  const nextAttemptAt = dead ? null : new Date(Date.now() + retryDelayMs(delivery.attempts));
  const { rows } = await sql.query<{ n: number }>(
    `WITH marked AS (
       UPDATE webhook_deliveries
          SET status = $3::"DeliveryStatus", last_error = $4::text, locked_until = NULL,
              next_attempt_at = $5::timestamptz
        WHERE ${held("$1", "$2")}
       RETURNING id),
     logged AS (
       INSERT INTO delivery_attempts (delivery_id, duration_ms, ok, error, trigger)
       SELECT id, $6::float8, false, $4::text, $7::text FROM marked)
     SELECT count(*)::int AS n FROM marked`,
    [...heldParams([delivery]), dead ? "dead" : "failed", message, nextAttemptAt, performance.now() - started, trigger],
  );
  if (!rows[0]?.n) return "superseded";
  return dead ? "dead" : "failed";
}

/** A stored body this version cannot read as an envelope: the same on every attempt. */
class Unparseable extends Error {}

/** Stored before this version knew better, or its event became unknown: it waits, unprocessed, for a replay. */
async function markUnsupported(sql: SqlClient, delivery: Claimed, reason: string): Promise<void> {
  await sql.query(
    `UPDATE webhook_deliveries
        SET status = 'unsupported', last_error = $3::text, locked_until = NULL, next_attempt_at = NULL
      WHERE ${held("$1", "$2")}`,
    [...heldParams([delivery]), reason],
  );
}

type Item = { delivery: Claimed; envelope: WebhookEnvelope };

/**
 * Projects the deliveries and marks them processed, in the caller's
 * transaction, with a few set-based statements. Leased items are first locked
 * under their tokens; those whose claim was taken over are left out. Answers
 * how many were applied.
 */
async function applyItems(
  tx: SqlClient,
  all: Item[],
  started: number,
  trigger: ProcessTrigger,
  opts: { leased: boolean },
): Promise<number> {
  let items = all;
  if (opts.leased) {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM webhook_deliveries WHERE ${held("$1", "$2")} FOR UPDATE`,
      heldParams(all.map((i) => i.delivery)),
    );
    const kept = new Set(rows.map((r) => BigInt(r.id)));
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
  const confirm = confirmedPairs(items.map((i) => ({ orderUuid: i.envelope.order.id, event: i.envelope.event })));
  await tx.query(
    `WITH ${confirm ? `confirmed AS (${confirmIntentsSql("$5")}),` : ""}
     done AS (
       UPDATE webhook_deliveries
          SET status = 'processed', processed_at = now(), locked_until = NULL, next_attempt_at = NULL, last_error = NULL,
              attempts = attempts + $2::int
        WHERE id = ANY($1::bigint[]))
     INSERT INTO delivery_attempts (delivery_id, duration_ms, ok, trigger)
     SELECT unnest($1::bigint[]), $3::float8, true, $4::text`,
    [ids, opts.leased ? 0 : 1, durationMs, trigger, ...(confirm ? [confirm] : [])],
  );
  return items.length;
}

const applyLeased = (pool: pg.Pool, items: Item[], started: number, trigger: ProcessTrigger) =>
  inTransaction(pool, (tx) => applyItems(tx, items, started, trigger, { leased: true }));

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
  pool: pg.Pool,
  limit: number,
  ids: bigint[] | null,
  trigger: ProcessTrigger,
): Promise<number | null> {
  try {
    return await inTransaction(pool, async (tx) => {
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
  pool: pg.Pool,
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
    else if (parsed.unsupported) await markUnsupported(pool, delivery, parsed.error);
    else {
      const outcome = await markFailed(
        pool,
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
    const applied = await applyLeased(pool, items, started, trigger);
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
        pool,
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
      outcome = (await applyLeased(pool, [item], one, trigger)) === 1 ? "processed" : "superseded";
    } catch (error) {
      outcome = await markFailed(pool, item.delivery, error, one, trigger);
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
  const pool = sqlPoolOf(db);
  // At least one batch per call, so every caller makes progress whatever its budget.
  do {
    const processed = await processLockedBatch(pool, batchSize, ids, opts.trigger);
    if (processed !== null) {
      summary.processed += processed;
      if (processed < batchSize || ids) break;
      continue;
    }
    // Slow path: lease the batch, then try it whole and, failing that, one delivery at a time.
    const batch = await claim(pool, batchSize, ids, leaseMs);
    await processBatch(pool, batch, opts.trigger, summary, leaseMs);
    if (batch.length < batchSize || ids) break;
  } while (Date.now() < deadline);
  return summary;
}
