// The durable queue behind the receiver: stored deliveries are claimed with
// FOR UPDATE SKIP LOCKED (so `after()`, the cron route and the in-process
// sweeper never process one delivery at the same time), projected into the
// order store, and retried with capped exponential back-off until they are
// dead-lettered for ops to look at and replay.
import type { Db } from "@/lib/db/prisma";
import { applyOrderSnapshots } from "@/lib/orders/apply-order-snapshot";
import { confirmIntents } from "@/lib/orders/confirm-intents";
import { parseEnvelope, type WebhookEnvelope } from "./envelope";
import { snapshotFromWebhook } from "./snapshot-from-webhook";

export const MAX_ATTEMPTS = 6;
const MAX_RETRY_DELAY_MS = 10 * 60_000;
// A claim that is not finished by then (the process died) is taken again.
const LEASE_SECONDS = 60;

export type ProcessTrigger = "after" | "sweeper" | "replay";

export function retryDelayMs(attempts: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

interface Claimed {
  id: bigint;
  raw_body: string;
  attempts: number;
}

async function claim(db: Db, limit: number, ids: bigint[] | null): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE webhook_deliveries d
       SET status = 'processing', attempts = d.attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
     WHERE d.id IN (
       SELECT id FROM webhook_deliveries
        WHERE ((status IN ('pending', 'failed') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
               OR (status = 'processing' AND locked_until < now()))
          AND (${ids}::bigint[] IS NULL OR id = ANY(${ids}::bigint[]))
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.raw_body, d.attempts`;
}

type Outcome = "processed" | "failed" | "dead";

async function markFailed(db: Db, delivery: Claimed, error: unknown, started: number, trigger: ProcessTrigger): Promise<Outcome> {
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
  await db.deliveryAttempt.create({ data: { deliveryId: delivery.id, durationMs: performance.now() - started, ok: false, error: message, trigger } });
  return dead ? "dead" : "failed";
}

/** Projects the deliveries and marks them processed, all or nothing, in one transaction of a few statements. */
async function applyAll(db: Db, items: Array<{ delivery: Claimed; envelope: WebhookEnvelope }>, started: number, trigger: ProcessTrigger) {
  const ids = items.map((i) => i.delivery.id);
  const durationMs = (performance.now() - started) / items.length;
  await db.$transaction(async (tx) => {
    await applyOrderSnapshots(tx, items.map((i) => snapshotFromWebhook(i.envelope)));
    await confirmIntents(tx, items.map((i) => ({ orderUuid: i.envelope.order.id, event: i.envelope.event })));
    await tx.$executeRaw`
      WITH done AS (
        UPDATE webhook_deliveries
           SET status = 'processed', processed_at = now(), locked_until = NULL, next_attempt_at = NULL, last_error = NULL
         WHERE id = ANY(${ids}::bigint[]))
      INSERT INTO delivery_attempts (delivery_id, duration_ms, ok, trigger)
      SELECT unnest(${ids}::bigint[]), ${durationMs}, true, ${trigger}`;
  });
}

async function processBatch(db: Db, batch: Claimed[], trigger: ProcessTrigger, summary: ProcessSummary): Promise<void> {
  const started = performance.now();
  const items: Array<{ delivery: Claimed; envelope: WebhookEnvelope }> = [];
  for (const delivery of batch) {
    const parsed = parseEnvelope(delivery.raw_body);
    if (parsed.ok) items.push({ delivery, envelope: parsed.envelope });
    else summary[await markFailed(db, delivery, new Error(`stored body no longer parses: ${parsed.error}`), started, trigger)]++;
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
  // At least one batch per call, so every caller makes progress whatever its budget.
  do {
    const batch = await claim(db, batchSize, opts.ids ?? null);
    await processBatch(db, batch, opts.trigger, summary);
    if (batch.length < batchSize || opts.ids) break;
  } while (Date.now() < deadline);
  return summary;
}
