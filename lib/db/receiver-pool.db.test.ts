// The receiver's pool keeps the connections it opened past pg's idle timeout,
// so that a burst after a quiet spell does not wait for new backends.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReceiverPool } from "./receiver-pool";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "receiver_pool" });
});

afterAll(async () => {
  await database?.drop();
});

/** pg-pool closes a connection idle this long unless the pool keeps it. */
const PG_IDLE_TIMEOUT_MS = 10_000;

describe("the receiver's pool", () => {
  it("keeps the connections a burst opened, idle past pg's idle timeout, on the same backends", async () => {
    const pool = createReceiverPool(database.url, 2);
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    const backends = async () =>
      (
        await watcher.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'points-ops receiver' ORDER BY pid",
        )
      ).rows.map((r) => r.pid);
    try {
      // Two statements at once: the pool opens its second connection.
      await Promise.all([pool.query("SELECT pg_sleep(0.1)"), pool.query("SELECT pg_sleep(0.1)")]);
      const before = await backends();
      expect(before).toHaveLength(2);
      await new Promise((resolve) => setTimeout(resolve, PG_IDLE_TIMEOUT_MS + 1_000));
      expect(pool.totalCount).toBe(2);
      expect(await backends()).toEqual(before);
    } finally {
      await watcher.end();
      await pool.end();
    }
  }, 30_000);
});
