// The receiver's one write: a verified delivery stored as new, or counted as a
// repeat of the stored one. Deliveries stored at the same moment share one
// statement (batch-calls.ts): under a flood from Points every request no
// longer pays its own round trip, commit and WAL flush, which on a small
// machine is most of what PostgreSQL and the server do per delivery (see
// `npm run bench:webhooks`). A lone delivery is still written at once.
import { batchCalls } from "@/lib/db/batch-calls";
import { connectionSlots, queryPrepared, retryOnBrokenConnections, type SqlClient } from "@/lib/db/sql-client";
import { isDataError, sqlState } from "@/lib/db/sql-state";

export interface DeliveryRow {
  dedupeKey: string;
  event: string;
  orderUuid: string;
  orderNumber: string;
  updatedAt: string;
  rawBody: string;
  /** JSON text of the redacted headers. */
  headers: string;
  sourceAddress: string | null;
  ackLatencyMs: number;
  status: "pending" | "unsupported";
}

export interface Inserted {
  id: bigint;
  /** False when a delivery with this dedupe key was already stored (a repeat). */
  inserted: boolean;
}

const MAX_BATCH = 200;
/** Bodies are up to 256 KiB each: a batch of large ones is cut here, so that building its statement cannot stall the event loop. */
const MAX_BATCH_BODY_CHARS = 1024 * 1024;
/** lock_not_available: a repeat waited too long on a row a drain holds; the others of its batch need not wait. */
const LOCK_NOT_AVAILABLE = "55P03";

/** A distinct delivery of a batch, with how many more of it came. */
type Sent = { row: DeliveryRow; repeats: number };

// Each column sent, with its type. A batch is sent as one array per column (unnest), so that one statement
// serves every batch size and is prepared once per connection; a lone delivery, the usual case below a
// flood, as plain values: an array parameter costs both sides an escaped copy of every body (node-postgres
// quotes each element into an array literal, PostgreSQL parses it back), most of a lone delivery's
// allocations in the receiver. Repeats of one delivery within a batch are sent once, with how many more came
// (a statement may not update a row twice).
const COLUMNS: ReadonlyArray<readonly [name: string, type: string, value: (s: Sent) => unknown]> = [
  ["dedupe_key", "text", (s) => s.row.dedupeKey],
  ["event", "text", (s) => s.row.event],
  ["order_uuid", "text", (s) => s.row.orderUuid],
  ["order_number", "text", (s) => s.row.orderNumber],
  ["updated_at", "text", (s) => s.row.updatedAt],
  ["raw_body", "text", (s) => s.row.rawBody],
  ["headers", "text", (s) => s.row.headers],
  ["source_address", "text", (s) => s.row.sourceAddress],
  ["ack_latency_ms", "float8", (s) => s.row.ackLatencyMs],
  ["status", "text", (s) => s.row.status],
  ["repeats", "int", (s) => s.repeats],
];

// The body is read as jsonb once, here, so that a body PostgreSQL cannot hold is refused now, not when processed.
const insertFrom = (rows: string) => `
  INSERT INTO webhook_deliveries AS w
    (dedupe_key, event, points_order_uuid, order_number, points_updated_at, raw_body, headers, source_address,
     ack_latency_ms, status, duplicate_count, last_duplicate_at)
  SELECT d.dedupe_key, d.event, d.order_uuid::uuid, d.order_number, d.updated_at::timestamptz, d.raw_body,
         d.headers::jsonb, d.source_address, d.ack_latency_ms, d.status::"DeliveryStatus", d.repeats,
         CASE WHEN d.repeats > 0 THEN now() END
    FROM ${rows} AS d(${COLUMNS.map(([name]) => name).join(", ")})
   WHERE d.raw_body::jsonb IS NOT NULL
  ON CONFLICT (dedupe_key) DO UPDATE
    SET duplicate_count = w.duplicate_count + 1 + EXCLUDED.duplicate_count, last_duplicate_at = now()
  RETURNING id, dedupe_key, (xmax = 0) AS inserted`;
const INSERT_BATCH = insertFrom(`unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")})`);
const INSERT_ONE = insertFrom(`(VALUES (${COLUMNS.map(([, type], i) => `$${i + 1}::${type}`).join(", ")}))`);

type StoredRow = { id: string; dedupe_key: string; inserted: boolean };

async function insertBatch(sql: SqlClient, rows: DeliveryRow[]): Promise<Map<string, Inserted>> {
  const distinct = new Map<string, Sent>();
  for (const row of rows) {
    const seen = distinct.get(row.dedupeKey);
    if (seen) seen.repeats++;
    else distinct.set(row.dedupeKey, { row, repeats: 0 });
  }
  // In key order: two batches that share keys then take their index locks in the same order and cannot deadlock.
  const sent = [...distinct.values()].sort((a, b) => (a.row.dedupeKey < b.row.dedupeKey ? -1 : 1));
  const { rows: stored } =
    sent.length === 1
      ? await queryPrepared<StoredRow>(
          sql,
          "receive-delivery",
          INSERT_ONE,
          COLUMNS.map(([, , value]) => value(sent[0]!)),
        )
      : await queryPrepared<StoredRow>(
          sql,
          "receive-deliveries",
          INSERT_BATCH,
          COLUMNS.map(([, , value]) => sent.map(value)),
        );
  return new Map(stored.map((r) => [r.dedupe_key, { id: BigInt(r.id), inserted: r.inserted }]));
}

/** A row's outcome: stored, or the error that kept only this row out. */
type Outcome = Inserted | { failed: unknown };

/** Each row's outcome, in order; within the batch only the first of a key's rows counts as inserted. */
async function insertEach(sql: SqlClient, rows: DeliveryRow[]): Promise<Outcome[]> {
  let outcome: Map<string, Inserted>;
  try {
    // Safe to send again: a batch that did commit is found by its dedupe keys, its rows then answered as
    // repeats (counted once more as such).
    outcome = await retryOnBrokenConnections(sql, () => insertBatch(sql, rows));
  } catch (error) {
    // One row's bad value (or one repeat's lock wait) must not fail the others: each is tried alone,
    // so that only the row at fault gets the error.
    if (rows.length > 1 && (isDataError(error) || sqlState(error) === LOCK_NOT_AVAILABLE))
      return Promise.all(
        rows.map((row) =>
          insertEach(sql, [row]).then(
            ([one]) => one!,
            (failed: unknown) => ({ failed }),
          ),
        ),
      );
    throw error;
  }
  const firstSeen = new Set<string>();
  return rows.map((row) => {
    const stored = outcome.get(row.dedupeKey)!;
    const first = !firstSeen.has(row.dedupeKey);
    firstSeen.add(row.dedupeKey);
    return { id: stored.id, inserted: stored.inserted && first };
  });
}

const writers = new WeakMap<SqlClient, (row: DeliveryRow) => Promise<Outcome>>();

/**
 * Stores one delivery, batched with those stored at the same moment through
 * the same pool. Rejects with PostgreSQL's error when this row cannot be
 * stored (isDataError tells the data's fault from the database's).
 */
export async function insertDelivery(sql: SqlClient, row: DeliveryRow): Promise<Inserted> {
  let write = writers.get(sql);
  if (!write) {
    // As many batches in flight as the pool has connections; a lone client runs one at a time.
    write = batchCalls((rows: DeliveryRow[]) => insertEach(sql, rows), {
      slots: connectionSlots(sql),
      maxBatch: MAX_BATCH,
      maxWeight: MAX_BATCH_BODY_CHARS,
      weigh: (row) => row.rawBody.length,
    });
    writers.set(sql, write);
  }
  const outcome = await write(row);
  if ("failed" in outcome) throw outcome.failed;
  return outcome;
}
