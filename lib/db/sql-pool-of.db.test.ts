// sqlPoolOf finds the node-postgres twin of a Prisma client made by another
// copy of lib/db/prisma.ts: Next bundles the module once per route, while the
// clients themselves are shared through globalThis. Found by the scale-out
// suite, where the cron sweep on `next start` answered 503 with nothing taken.
import { expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";

it("a client made by one copy of the module gets its twin pool from another copy", async () => {
  const database = await createTestDatabase({ prefix: "sql_pool_of" });
  const first = await import("./prisma");
  const db = first.createDb(database.url, { max: 1 });
  vi.resetModules();
  const second = await import("./prisma");
  try {
    expect(second).not.toBe(first);
    const pool = second.sqlPoolOf(db);
    expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    // One twin per client, whichever copy asks.
    expect(first.sqlPoolOf(db)).toBe(pool);
  } finally {
    await second.sqlPoolOf(db).end();
    await db.$disconnect();
    await database.drop();
  }
});
