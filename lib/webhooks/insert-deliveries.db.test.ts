// Deliveries stored at the same moment share one statement; a repeat among
// them is counted, not stored twice, and a row PostgreSQL refuses (or a repeat
// stuck behind a drain's lock) fails alone, not with the rest of its batch.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isDataError, sqlState } from "@/lib/db/sql-state";
import type { SqlClient } from "@/lib/db/sql-client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { insertDelivery, type DeliveryRow } from "./insert-deliveries";

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "insert_deliveries" });
  pool = new pg.Pool({ connectionString: database.url, max: 2, lock_timeout: 300 });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

beforeEach(async () => {
  await pool.query("TRUNCATE webhook_deliveries CASCADE");
});

/** The pool, counting the statements sent through it (one writer per SqlClient, so each test gets its own). */
function counted() {
  const sql = {
    statements: 0,
    query: (...args: Parameters<pg.Pool["query"]>) => {
      sql.statements++;
      return (pool.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args);
    },
  };
  return sql as SqlClient & { statements: number };
}

function row(changes: Partial<DeliveryRow> = {}): DeliveryRow {
  const orderUuid = randomUUID();
  return {
    dedupeKey: `${orderUuid}|approved|2026-04-18T10:05:12.000Z|x`,
    event: "approved",
    orderUuid,
    orderNumber: `ORD-${orderUuid.slice(0, 8)}`,
    updatedAt: "2026-04-18T10:05:12.000Z",
    rawBody: JSON.stringify({ event: "approved", order: { id: orderUuid } }),
    headers: '{"content-type":"application/json"}',
    sourceAddress: null,
    ackLatencyMs: 1.5,
    status: "pending",
    ...changes,
  };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe("insertDelivery", () => {
  it("stores deliveries that arrive together in one statement, each answered with its own row", async () => {
    const sql = counted();
    const rows = Array.from({ length: 30 }, () => row());
    const stored = await Promise.all(rows.map((r) => insertDelivery(sql, r)));
    // A lone writer (no pool size to read): the first goes at once, the other 29 together.
    expect(sql.statements).toBe(2);
    expect(stored.every((s) => s.inserted)).toBe(true);
    const { rows: inDb } = await pool.query<{ id: string; dedupe_key: string }>(
      "SELECT id, dedupe_key FROM webhook_deliveries",
    );
    expect(inDb).toHaveLength(30);
    const idOf = new Map(inDb.map((r) => [r.dedupe_key, BigInt(r.id)]));
    expect(stored.map((s) => s.id)).toEqual(rows.map((r) => idOf.get(r.dedupeKey)));
  });

  it("stores a repeat within one batch once and counts the others as repeats", async () => {
    const sql = counted();
    const repeated = row();
    const stored = await Promise.all([row(), repeated, repeated, row(), repeated].map((r) => insertDelivery(sql, r)));
    expect(sql.statements).toBe(2);
    expect(stored.map((s) => s.inserted)).toEqual([true, true, false, true, false]);
    expect(new Set([stored[1]!.id, stored[2]!.id, stored[4]!.id]).size).toBe(1);
    const { rows: kept } = await pool.query(
      "SELECT duplicate_count, last_duplicate_at FROM webhook_deliveries WHERE dedupe_key = $1",
      [repeated.dedupeKey],
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ duplicate_count: 2, last_duplicate_at: expect.any(Date) });

    // A later batch with the same delivery adds to the count.
    await Promise.all([row(), repeated].map((r) => insertDelivery(sql, r)));
    const { rows: after } = await pool.query("SELECT duplicate_count FROM webhook_deliveries WHERE dedupe_key = $1", [
      repeated.dedupeKey,
    ]);
    expect(after[0].duplicate_count).toBe(3);
  });

  it("fails only the row PostgreSQL refuses; the others of its batch are stored", async () => {
    const sql = counted();
    // JavaScript reads this number, PostgreSQL's jsonb cannot (more than 16,383 decimal digits).
    const refused = row({ rawBody: `{"n":0.${"1".repeat(20_000)}}` });
    const good = Array.from({ length: 5 }, () => row());
    const results = await Promise.all(
      [row(), ...good.slice(0, 2), refused, ...good.slice(2)].map((r) => outcome(insertDelivery(sql, r))),
    );
    const failed = results.filter((r) => "error" in r);
    expect(failed).toHaveLength(1);
    expect(isDataError((failed[0] as { error: unknown }).error)).toBe(true);
    expect(results[3]).toBe(failed[0]);
    expect((await pool.query("SELECT count(*)::int AS n FROM webhook_deliveries")).rows[0].n).toBe(6);
  });

  it("does not hold the others of a batch behind a repeat whose stored row a drain has locked", async () => {
    const sql = counted();
    const locked = row();
    await insertDelivery(sql, locked);
    const drain = await pool.connect();
    try {
      await drain.query("BEGIN");
      await drain.query("SELECT id FROM webhook_deliveries WHERE dedupe_key = $1 FOR UPDATE", [locked.dedupeKey]);
      const results = await Promise.all([row(), locked, row(), row()].map((r) => outcome(insertDelivery(sql, r))));
      expect(results.map((r) => ("value" in r ? "stored" : sqlState(r.error)))).toEqual([
        "stored",
        "55P03",
        "stored",
        "stored",
      ]);
    } finally {
      await drain.query("ROLLBACK");
      drain.release();
    }
    expect((await pool.query("SELECT count(*)::int AS n FROM webhook_deliveries")).rows[0].n).toBe(4);
  });
});
