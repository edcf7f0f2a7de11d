// A process frozen with database connections open (a Vercel function between
// invocations) can wake to find the server's end of them gone: a pooler, the
// database or the network closed them meanwhile, and the process learns it
// only when it sends. The receiver keeps its connections open
// (lib/db/receiver-pool.ts); the drain's pool closes idle ones after 10 s, but
// not while frozen. Deliveries must still be stored and applied on live
// connections: not answered 503, one per dead connection, and not recorded as
// failed attempts pushed back by a retry delay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, sqlPoolOf, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import {
  openConnections,
  startBreakableDbProxy,
  type BreakableDbProxy,
  type BreakHow,
} from "@/lib/testing/breakable-db-proxy";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { processDeliveries } from "./process-deliveries";
import { receiveDelivery } from "./receive-delivery";

const SECRET = "broken-connections-secret";
const HOWS: BreakHow[] = ["reset", "close"];
let database: TestDatabase;
let db: Db;
let proxy: BreakableDbProxy;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "broken_connections" });
  db = createDb(database.url);
  proxy = await startBreakableDbProxy(database.url);
});

afterAll(async () => {
  await proxy?.close();
  await db?.$disconnect();
  await database?.drop();
});

describe("the receiver's kept connections, broken while it was not looking", () => {
  it.each(HOWS)("stores the next deliveries on live connections when every kept one is found %s", async (how) => {
    const kept = 3;
    const sql = createReceiverPool(proxy.url, kept);
    try {
      await openConnections(sql, kept);
      expect(sql.totalCount).toBe(kept);
      proxy.breakConnections(how);

      const orders = Array.from({ length: kept + 1 }, () => fixtureOrder());
      for (const order of orders) {
        const result = await receiveDelivery(sql, webhookRequest(envelope("approved", order), SECRET), {
          secrets: [SECRET],
          sourceAddress: null,
        });
        expect(result).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
      }
      const stored = await db.webhookDelivery.findMany({ where: { pointsOrderUuid: { in: orders.map((o) => o.id) } } });
      expect(stored).toHaveLength(orders.length);
    } finally {
      await sql.end();
    }
  });
});

describe("the drain's connections, broken while the process was frozen", () => {
  it.each(HOWS)("applies the due deliveries on live connections when every kept one is found %s", async (how) => {
    const kept = 2;
    const queueDb = createDb(proxy.url, { role: "queue", max: kept });
    const pool = sqlPoolOf(queueDb);
    try {
      // Only this test's deliveries due: the receiver's above are applied first, on a healthy pool.
      await processDeliveries(db, { trigger: "sweeper" });
      const stored = await Promise.all([1, 2, 3].map(() => storeDelivery(db)));
      await openConnections(pool, kept);
      expect(pool.totalCount).toBe(kept);
      proxy.breakConnections(how);

      const summary = await processDeliveries(queueDb, { trigger: "sweeper" });
      expect(summary).toEqual({ processed: 3, failed: 0, dead: 0, superseded: 0 });
      const rows = await db.webhookDelivery.findMany({ where: { id: { in: stored.map((d) => d.id) } } });
      expect(rows.map((r) => r.status)).toEqual(["processed", "processed", "processed"]);
      expect(await db.deliveryAttempt.count({ where: { ok: false } })).toBe(0);
    } finally {
      await pool.end();
      await queueDb.$disconnect();
    }
  });
});
