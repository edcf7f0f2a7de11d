// A process frozen before node-postgres' idle timer fires wakes with idle
// connections the other end may have closed. The pool closes a connection idle
// past its idle timeout by the clock, when it is asked for one, and hands out a
// live one; a freeze is the clock moving on without the timers running.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openConnections, startBreakableDbProxy, type BreakableDbProxy } from "@/lib/testing/breakable-db-proxy";
import { FreezeAwarePool } from "./freeze-aware-pool";
import { createDb } from "./prisma";
import { createTestDatabase, type TestDatabase } from "./test-database";

const IDLE_TIMEOUT_MS = 10_000;
let database: TestDatabase;
let proxy: BreakableDbProxy;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "freeze_aware_pool" });
  proxy = await startBreakableDbProxy(database.url);
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await proxy?.close();
  await database?.drop();
});

/** The clock moves on by `ms` while no timer runs, as across a frozen process. */
function freezeFor(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + ms });
}

const backend = async (pool: FreezeAwarePool) =>
  (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;

describe("FreezeAwarePool", () => {
  it("hands out a live connection, not one idle past its timeout across a freeze", async () => {
    const pool = new FreezeAwarePool({ connectionString: proxy.url, max: 3, idleTimeoutMillis: IDLE_TIMEOUT_MS });
    try {
      await openConnections(pool, 3);
      proxy.breakConnections("reset");
      // Without a freeze the idle connections are handed out as they are, and this one is found broken.
      await expect(pool.query("SELECT 1")).rejects.toThrow();

      freezeFor(IDLE_TIMEOUT_MS + 1_000);
      expect((await pool.query<{ n: number }>("SELECT 7 AS n")).rows[0]!.n).toBe(7);
      expect(pool.totalCount).toBe(1);
    } finally {
      vi.useRealTimers();
      await pool.end();
    }
  });

  it("keeps a connection idle for less than its timeout", async () => {
    const pool = new FreezeAwarePool({ connectionString: proxy.url, max: 2, idleTimeoutMillis: IDLE_TIMEOUT_MS });
    try {
      const first = await backend(pool);
      freezeFor(IDLE_TIMEOUT_MS - 2_000);
      expect(await backend(pool)).toBe(first);
    } finally {
      vi.useRealTimers();
      await pool.end();
    }
  });

  it("keeps the pool's minimum however long idle, as node-postgres does", async () => {
    const pool = new FreezeAwarePool({
      connectionString: proxy.url,
      max: 2,
      min: 2,
      idleTimeoutMillis: IDLE_TIMEOUT_MS,
    });
    try {
      const before = await openConnections(pool, 2);
      freezeFor(IDLE_TIMEOUT_MS * 3);
      expect(before).toContain(await backend(pool));
      expect(pool.totalCount).toBe(2);
    } finally {
      vi.useRealTimers();
      await pool.end();
    }
  });

  it("serves the dashboard's Prisma client: its next query after a freeze is answered", async () => {
    const db = createDb(proxy.url, { max: 3 });
    try {
      await Promise.all([1, 2, 3].map(() => db.$queryRawUnsafe("SELECT pg_sleep(0.05)::text AS s")));
      proxy.breakConnections("close");
      freezeFor(IDLE_TIMEOUT_MS + 1_000);
      expect(await db.webhookDelivery.count()).toBe(0);
    } finally {
      vi.useRealTimers();
      await db.$disconnect();
    }
  });
});
