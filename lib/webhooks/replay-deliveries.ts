// Replay puts stored deliveries back in the queue and processes them at once,
// through the same claim as the sweeper, so a replay never runs alongside
// another worker on the same delivery. Projection is idempotent (snapshot
// order guards), so replaying an already processed delivery is harmless.
import type { Db } from "@/lib/db/prisma";
import type { DeliveryStatus, Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryFilter } from "./delivery-filters";
import { isKnownEvent, WEBHOOK_EVENTS } from "@/lib/points/envelope";
import { deliveryCursor, deliveryWhere, NEWEST_FIRST, olderThan } from "./list-deliveries";
import { processDeliveries, type ProcessSummary } from "./process-deliveries";

export const REPLAY_CHUNK = 250;

/** Why a delivery cannot be replayed now, as a code the pages word in the reader's language; null when it can. */
export type ReplayBlock = "rejected" | "unsupported" | "processing";

export function replayBlock(
  delivery: { status: DeliveryStatus; lockedUntil: Date | null; event: string | null },
  now = new Date(),
): ReplayBlock | null {
  // Rejected deliveries never parsed as a Points webhook: there is nothing to replay.
  if (delivery.status === "rejected") return "rejected";
  // An event this version does not know stays stored until an upgrade handles it.
  if (delivery.status === "unsupported" && !isKnownEvent(delivery.event)) return "unsupported";
  if (delivery.status === "processing" && delivery.lockedUntil && delivery.lockedUntil > now) return "processing";
  return null;
}

function replayable(now: Date): Prisma.WebhookDeliveryWhereInput {
  return {
    status: { not: "rejected" },
    NOT: [
      { status: "processing", lockedUntil: { gt: now } },
      { status: "unsupported", event: { notIn: [...WEBHOOK_EVENTS] } },
    ],
  };
}

async function requeue(db: Db, ids: bigint[]): Promise<number> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: { in: ids }, ...replayable(new Date()) },
    data: { status: "pending", nextAttemptAt: null, lockedUntil: null },
  });
  return count;
}

export type ReplayOneResult =
  | { ok: true; status: DeliveryStatus }
  // "processing" also covers a delivery claimed between the requeue and the look that follows it.
  | { ok: false; reason: ReplayBlock | "not_found" };

export async function replayDelivery(db: Db, id: bigint): Promise<ReplayOneResult> {
  if ((await requeue(db, [id])) === 0) {
    const row = await db.webhookDelivery.findUnique({
      where: { id },
      select: { status: true, lockedUntil: true, event: true },
    });
    if (!row) return { ok: false, reason: "not_found" };
    return { ok: false, reason: replayBlock(row) ?? "processing" };
  }
  await processDeliveries(db, { trigger: "replay", ids: [id] });
  const after = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { status: true } });
  return { ok: true, status: after.status };
}

/**
 * A bulk replay covers what matched when it was confirmed: deliveries received
 * up to `asOf`. Counting and chunks use the same bound, so progress adds up.
 */
function bulkWhere(filter: DeliveryFilter, asOf: Date): Prisma.WebhookDeliveryWhereInput {
  return { AND: [deliveryWhere(filter), replayable(new Date()), { receivedAt: { lte: asOf } }] };
}

export async function countReplayable(db: Db, filter: DeliveryFilter, asOf: Date): Promise<number> {
  return db.webhookDelivery.count({ where: bulkWhere(filter, asOf) });
}

export interface ReplayChunkResult {
  replayed: number;
  summary: ProcessSummary;
  /** Pass back as `cursor` for the next chunk; null when done. */
  nextCursor: string | null;
  done: boolean;
}

/** One step of a bulk replay: walks the filter newest first, like the log, from `cursor` on. */
export async function replayChunk(
  db: Db,
  filter: DeliveryFilter,
  opts: { asOf: Date; cursor: string | null; size?: number },
): Promise<ReplayChunkResult> {
  const size = opts.size ?? REPLAY_CHUNK;
  const where = bulkWhere(filter, opts.asOf);
  const rows = await db.webhookDelivery.findMany({
    where: opts.cursor ? { AND: [where, olderThan(opts.cursor)] } : where,
    orderBy: NEWEST_FIRST,
    take: size,
    select: { id: true, receivedAt: true },
  });
  const summary: ProcessSummary = { processed: 0, failed: 0, dead: 0, superseded: 0 };
  let replayed = 0;
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id);
    replayed = await requeue(db, ids);
    Object.assign(summary, await processDeliveries(db, { trigger: "replay", ids, batchSize: ids.length }));
  }
  const last = rows.at(-1);
  const done = rows.length < size;
  return { replayed, summary, nextCursor: done || !last ? null : deliveryCursor(last), done };
}
