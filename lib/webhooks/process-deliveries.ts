// The durable queue behind the receiver: stored deliveries are claimed with
// FOR UPDATE SKIP LOCKED (so `after()`, the cron route and the in-process
// sweeper never process one delivery at the same time), projected into the
// order store, and retried with capped exponential back-off until they are
// dead-lettered for ops to look at and replay.
import type { Db, Tx } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyOrderSnapshots } from "@/lib/orders/apply-order-snapshot";
import { confirmIntents } from "@/lib/orders/confirm-intents";
import { parseEnvelope, type WebhookEnvelope } from "./envelope";
import { snapshotFromWebhook } from "./snapshot-from-webhook";

// The wait after each failed attempt, in order; the attempt after the last one
// is the final try, and its failure dead-letters the delivery.
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
// A claim that is not finished by then (the process died) is taken again.
const LEASE_SECONDS = 60;

export type ProcessTrigger = "after" | "sweeper" | "replay";

export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
}

interface Claimed {
  id: bigint;
  raw_body: string;
  attempts: number;
}

// Due: waiting for its (next) attempt, or claimed by a processor whose lease ran out.
const due = (ids: bigint[] | null) => Prisma.sql`
  ((status IN ('pending', 'failed') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
   OR (status = 'processing' AND locked_until < now()))
  AND (${ids}::bigint[] IS NULL OR id = ANY(${ids}::bigint[]))`;

/** Claims due deliveries under a lease, each then processed on its own (the slow path). */
async function claim(db: Db, limit: number, ids: bigint[] | null): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE webhook_deliveries d
       SET status = 'processing', attempts = d.attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
     WHERE d.id IN (
       SELECT id FROM webhook_deliveries
        WHERE ${due(ids)}
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.raw_body, d.attempts`;
}

/** Locks due deliveries for the caller's transaction only: if it fails or the process dies, they are simply due again. */
function lockDue(tx: Tx, limit: number, ids: bigint[] | null): Promise<Claimed[]> {
  return tx.$queryRaw<Claimed[]>`
    SELECT id, raw_body, attempts + 1 AS attempts FROM webhook_deliveries
     WHERE ${due(ids)}
     ORDER BY id
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`;
}

type Outcome = "processed" | "failed" | "dead";

async function markFailed(
  db: Db,
  delivery: Claimed,
  error: unknown,
  started: number,
  trigger: ProcessTrigger,
): Promise<Outcome> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
  const dead = delivery.attempts >= MAX_ATTEMPTS;
  await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      status: dead ? "dead" : "failed",
      lastError: message,
      lockedUntil: null,
      nextAttemptAt: dead ? null : new Date(Date.now() + retryDelayMs(delivery.attempts)),
    },
  });
  await db.deliveryAttempt.create({
    data: { deliveryId: delivery.id, durationMs: performance.now() - started, ok: false, error: message, trigger },
  });
  return dead ? "dead" : "failed";
}

type Item = { delivery: Claimed; envelope: WebhookEnvelope };

/** Projects the deliveries and marks them processed, in the caller's transaction, with a few set-based statements. */
async function applyItems(
  tx: Tx,
  items: Item[],
  started: number,
  trigger: ProcessTrigger,
  opts: { countAttempt: boolean },
) {
  const ids = items.map((i) => i.delivery.id);
  const durationMs = (performance.now() - started) / items.length;
  await applyOrderSnapshots(
    tx,
    items.map((i) => snapshotFromWebhook(i.envelope)),
  );
  await confirmIntents(
    tx,
    items.map((i) => ({ orderUuid: i.envelope.order.id, event: i.envelope.event })),
  );
  await tx.$executeRaw`
    WITH done AS (
      UPDATE webhook_deliveries
         SET status = 'processed', processed_at = now(), locked_until = NULL, next_attempt_at = NULL, last_error = NULL,
             attempts = attempts + ${opts.countAttempt ? 1 : 0}
       WHERE id = ANY(${ids}::bigint[]))
    INSERT INTO delivery_attempts (delivery_id, duration_ms, ok, trigger)
    SELECT unnest(${ids}::bigint[]), ${durationMs}, true, ${trigger}`;
}

const applyAll = (db: Db, items: Item[], started: number, trigger: ProcessTrigger) =>
  db.$transaction((tx) => applyItems(tx, items, started, trigger, { countAttempt: false }));

class NeedsOneByOne extends Error {}

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
      for (const delivery of await lockDue(tx, limit, ids)) {
        const parsed = parseEnvelope(delivery.raw_body);
        if (!parsed.ok) throw new NeedsOneByOne();
        items.push({ delivery, envelope: parsed.envelope });
      }
      if (items.length > 0) await applyItems(tx, items, started, trigger, { countAttempt: true });
      return items.length;
    });
  } catch {
    return null;
  }
}

async function processBatch(db: Db, batch: Claimed[], trigger: ProcessTrigger, summary: ProcessSummary): Promise<void> {
  const started = performance.now();
  const items: Item[] = [];
  for (const delivery of batch) {
    const parsed = parseEnvelope(delivery.raw_body);
    if (parsed.ok) items.push({ delivery, envelope: parsed.envelope });
    else
      summary[
        await markFailed(db, delivery, new Error(`stored body no longer parses: ${parsed.error}`), started, trigger)
      ]++;
  }
  if (items.length === 0) return;
  try {
    await applyAll(db, items, started, trigger);
    summary.processed += items.length;
  } catch {
    // One bad delivery must not hold back the others: retry them one by one.
    for (const item of items) {
      const one = performance.now();
      try {
        await applyAll(db, [item], one, trigger);
        summary.processed++;
      } catch (error) {
        summary[await markFailed(db, item.delivery, error, one, trigger)]++;
      }
    }
  }
}

export interface ProcessSummary {
  processed: number;
  failed: number;
  dead: number;
}

/** Processes due deliveries (or only `ids`), batch after batch, until none is due or the time budget is spent. */
export async function processDeliveries(
  db: Db,
  opts: { trigger: ProcessTrigger; ids?: bigint[]; batchSize?: number; budgetMs?: number } = { trigger: "sweeper" },
): Promise<ProcessSummary> {
  const summary: ProcessSummary = { processed: 0, failed: 0, dead: 0 };
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
    const batch = await claim(db, batchSize, ids);
    await processBatch(db, batch, opts.trigger, summary);
    if (batch.length < batchSize || ids) break;
  } while (Date.now() < deadline);
  return summary;
}
