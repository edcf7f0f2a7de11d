// The receiver's hot statements run prepared, once per connection, and fall
// back to plain statements where a connection pooler does not keep them.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { queryPrepared } from "./sql-client";

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
