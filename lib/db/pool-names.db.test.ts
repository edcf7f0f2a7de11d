// Each pool's connections name themselves to PostgreSQL, so that ops can tell the
// receiver's, the drain's and the dashboard's apart in pg_stat_activity.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, sqlPoolOf } from "./prisma";
import { createReceiverPool } from "./receiver-pool";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "pool_names" });
});

afterAll(async () => {
  await database?.drop();
});

const NAME_QUERY = "SELECT current_setting('application_name') AS name";

describe("pool connection names", () => {
  it("names the receiver's, the drain's and the dashboard's connections by their pool", async () => {
    const receiver = createReceiverPool(database.url, 1);
    const queue = createDb(database.url, { role: "queue", max: 1 });
    const app = createDb(database.url, { max: 1 });
    try {
      const names = {
        receiver: (await receiver.query<{ name: string }>(NAME_QUERY)).rows[0]!.name,
        queueSql: (await sqlPoolOf(queue).query<{ name: string }>(NAME_QUERY)).rows[0]!.name,
        queuePrisma: (await queue.$queryRawUnsafe<{ name: string }[]>(NAME_QUERY))[0]!.name,
        app: (await app.$queryRawUnsafe<{ name: string }[]>(NAME_QUERY))[0]!.name,
      };
      expect(names).toEqual({
        receiver: "points-ops receiver",
        queueSql: "points-ops queue",
        queuePrisma: "points-ops queue",
        app: "points-ops app",
      });
    } finally {
      await Promise.all([receiver.end(), sqlPoolOf(queue).end(), queue.$disconnect(), app.$disconnect()]);
    }
  });

  it("leaves the name to DATABASE_URL where the operator set one", async () => {
    const url = new URL(database.url);
    url.searchParams.set("application_name", "merchant-ops");
    const receiver = createReceiverPool(url.toString(), 1);
    try {
      expect((await receiver.query<{ name: string }>(NAME_QUERY)).rows[0]!.name).toBe("merchant-ops");
    } finally {
      await receiver.end();
    }
  });
});
