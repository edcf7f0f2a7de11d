// The live log's change feed, polled by the server-sent-events route. Each poll
// reads the newest WATCH_WINDOW ids and anything above them by primary key
// (cheap at any table size) and compares them with what this feed has seen:
// an unseen id is a new delivery (sent when it matches the filter), a changed
// status, attempt count or duplicate count is an update. Reading a window
// rather than only `id > last` also catches an insert that committed after a
// higher id did (sequence values are handed out before commit).
//
// Deliveries older than the window that change (the sweeper retrying an old
// one) are not pushed; the page shows them on its next load.
import type { Db } from "@/lib/db/prisma";
import { matchesFilter, type DeliveryFilter } from "./delivery-filters";
import { deliveryRowSelect, latestDeliveryId, toDeliveryRow, type DeliveryRow } from "./list-deliveries";

export const WATCH_WINDOW = 300;
// Per poll; a longer backlog drains over the next polls.
const MAX_NEW_PER_POLL = 500;
// A client further behind than this is told to reload instead of replaying the gap.
export const MAX_CATCH_UP = 5_000;

export interface FeedBatch {
  /** New deliveries matching the filter, oldest first. */
  rows: DeliveryRow[];
  /** Recent deliveries whose status, attempts or duplicate count changed (any filter: the client patches the ones it shows). */
  updates: DeliveryRow[];
  /** Highest id seen: where a reconnecting client resumes. */
  lastId: string;
  /** The client's position was too far behind; it should reload its page. */
  reset: boolean;
}

const fingerprint = (row: DeliveryRow) => `${row.status}|${row.attempts}|${row.duplicateCount}`;

/** `after`: the last id the client already has (null: start from now). */
export function createDeliveryFeed(db: Db, filter: DeliveryFilter, after: bigint | null) {
  const seen = new Map<bigint, string>();
  let start: bigint | null = null;
  let lastId = BigInt(0);
  let reset = false;

  async function begin(): Promise<void> {
    const latest = await latestDeliveryId(db);
    reset = after !== null && latest - after > BigInt(MAX_CATCH_UP);
    start = after === null || reset ? latest : after;
    lastId = start;
  }

  return {
    async poll(): Promise<FeedBatch> {
      const first = start === null;
      if (first) await begin();
      const floor = lastId - BigInt(WATCH_WINDOW);
      const found = await db.webhookDelivery.findMany({
        where: { id: { gt: floor } },
        orderBy: { id: "asc" },
        take: WATCH_WINDOW + MAX_NEW_PER_POLL,
        select: deliveryRowSelect,
      });
      const batch: FeedBatch = { rows: [], updates: [], lastId: "", reset: first && reset };
      for (const raw of found) {
        const row = toDeliveryRow(raw);
        const previous = seen.get(raw.id);
        seen.set(raw.id, fingerprint(row));
        if (previous === undefined && raw.id > start!) {
          if (matchesFilter(row, filter)) batch.rows.push(row);
        } else if (previous !== fingerprint(row)) {
          // Unseen ids at or below the start were rendered with the page (or sent
          // before a reconnect); their status may have moved on since.
          batch.updates.push(row);
        }
        if (raw.id > lastId) lastId = raw.id;
      }
      const keepFrom = lastId - BigInt(WATCH_WINDOW);
      for (const id of seen.keys()) if (id <= keepFrom) seen.delete(id);
      batch.lastId = lastId.toString();
      return batch;
    },
  };
}
