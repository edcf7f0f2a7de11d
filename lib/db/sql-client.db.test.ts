// The receiver's hot statements run prepared, once per connection, and fall
// back to plain statements where a connection pooler does not keep them; they
// are sent again when the connection they were given turns out broken.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { openConnections, startBreakableDbProxy } from "@/lib/testing/breakable-db-proxy";
import { isBrokenConnection, queryPrepared, retryOnBrokenConnections } from "./sql-client";

let database: TestDatabase;
const clients: pg.Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "sql_client" });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end()));
});

afterAll(async () => {
  await database?.drop();
});

async function connection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  clients.push(client);
  return client;
}

const prepared = async (client: pg.Client) =>
  (await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements ORDER BY name")).rows.map(
    (r) => r.name,
  );

const twice = (client: pg.Client, n: number) =>
  queryPrepared<{ doubled: number }>(client, "double-it", "SELECT $1::int * 2 AS doubled", [n]);

describe("queryPrepared", () => {
  it("has PostgreSQL keep the statement on the connection and answers each call with its own values", async () => {
    const client = await connection();
    expect((await twice(client, 2)).rows).toEqual([{ doubled: 4 }]);
    expect((await twice(client, 21)).rows).toEqual([{ doubled: 42 }]);
    expect(await prepared(client)).toEqual(["double-it"]);
  });

  it("falls back to plain statements, without failing the call, when the statement is gone from the server connection", async () => {
    const client = await connection();
    await twice(client, 1);
    // What a pooler in transaction mode does: the next statement reaches a server connection
    // that never saw the Parse (26000), though the client believes it did.
    await client.query("DEALLOCATE ALL");
    expect((await twice(client, 5)).rows).toEqual([{ doubled: 10 }]);
    // From then on this client is sent plain statements: nothing is prepared again.
    expect((await twice(client, 6)).rows).toEqual([{ doubled: 12 }]);
    expect(await prepared(client)).toEqual([]);
  });

  it("falls back when the server connection already holds a statement of that name (42P05)", async () => {
    const client = await connection();
    // Another client's statement on the same server connection, as a pooler hands connections around.
    await client.query(`PREPARE "double-it" AS SELECT 0 AS doubled`);
    expect((await twice(client, 4)).rows).toEqual([{ doubled: 8 }]);
  });

  it("passes any other error on", async () => {
    const client = await connection();
    await expect(queryPrepared(client, "broken", "SELECT * FROM no_such_table", [])).rejects.toMatchObject({
      code: "42P01",
    });
    // And keeps preparing for this client.
    await twice(client, 3);
    expect(await prepared(client)).toEqual(["double-it"]);
  });
});

describe("retryOnBrokenConnections", () => {
  it("sends the statement again on a live connection, as many times as the pool held broken ones", async () => {
    const proxy = await startBreakableDbProxy(database.url);
    const pools = [1, 2].map(() => new pg.Pool({ connectionString: proxy.url, max: 3, min: 3 }));
    const [control, pool] = pools as [pg.Pool, pg.Pool];
    try {
      await Promise.all(pools.map((p) => openConnections(p, 3)));
      proxy.breakConnections("reset");
      // Without the retry the pool hands out a broken connection.
      const plain = await control.query("SELECT 1").catch((error: unknown) => error);
      expect(isBrokenConnection(plain)).toBe(true);

      let calls = 0;
      const result = await retryOnBrokenConnections(pool, () => {
        calls++;
        return pool.query<{ answer: number }>("SELECT 42 AS answer");
      });
      expect(result.rows[0]!.answer).toBe(42);
      expect(calls).toBe(4);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await proxy.close();
    }
  });

  it("passes the statement's own errors on at once", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    let calls = 0;
    try {
      const error = await retryOnBrokenConnections(pool, () => {
        calls++;
        return pool.query("SELECT 1 / 0");
      }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe("22012");
      expect(calls).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it("gives up after one attempt more than the pool has connections", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    let calls = 0;
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    try {
      await expect(
        retryOnBrokenConnections(pool, () => {
          calls++;
          return Promise.reject(reset);
        }),
      ).rejects.toBe(reset);
      expect(calls).toBe(3);
    } finally {
      await pool.end();
    }
  });

  it("does not take a connection that could not be opened in time, or a refused one, for a broken one", () => {
    expect(isBrokenConnection(new Error("Connection terminated due to connection timeout"))).toBe(false);
    expect(isBrokenConnection(new Error("timeout exceeded when trying to connect"))).toBe(false);
    expect(isBrokenConnection(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(isBrokenConnection(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
});
