// The receiver keeps its connections open (lib/db/receiver-pool.ts). An
// instance that was frozen with them open (a Vercel function between
// invocations) can wake to find the server's end gone: a pooler or the network
// closed them meanwhile. The first deliveries after that must still be stored,
// on a live connection, not answered 503 one per dead connection.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { startBreakableDbProxy, type BreakHow } from "@/lib/testing/breakable-db-proxy";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { receiveDelivery } from "./receive-delivery";

const SECRET = "broken-connections-secret";
const KEPT = 3;
let database: TestDatabase;
let watcher: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "broken_connections" });
  watcher = new pg.Client({ connectionString: database.url });
  await watcher.connect();
});

afterAll(async () => {
  await watcher?.end();
  await database?.drop();
});

describe("the receiver's kept connections, broken while it was not looking", () => {
  it.each<BreakHow>(["reset", "close"])(
    "stores the next deliveries on live connections when every kept one is found %s",
    async (how) => {
      const proxy = await startBreakableDbProxy(database.url);
      const sql = createReceiverPool(proxy.url, KEPT);
      try {
        await Promise.all(Array.from({ length: KEPT }, () => sql.query("SELECT pg_sleep(0.05)")));
        expect(sql.totalCount).toBe(KEPT);
        proxy.breakConnections(how);

        const orders = Array.from({ length: KEPT + 1 }, () => fixtureOrder());
        for (const order of orders) {
          const result = await receiveDelivery(sql, webhookRequest(envelope("approved", order), SECRET), {
            secrets: [SECRET],
            sourceAddress: null,
          });
          expect(result).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
        }
        const stored = await watcher.query<{ uuid: string }>(
          "SELECT points_order_uuid AS uuid FROM webhook_deliveries WHERE points_order_uuid = ANY($1)",
          [orders.map((o) => o.id)],
        );
        expect(stored.rows.map((r) => r.uuid).sort()).toEqual(orders.map((o) => o.id).sort());
      } finally {
        await sql.end();
        await proxy.close();
      }
    },
    20_000,
  );
});
