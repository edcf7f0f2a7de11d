// A database that answers but is blocked — here by another transaction holding
// the delivery's row, as a stalled instance's would — makes the receiver give
// up after its lock_timeout and answer 503 (Points retries), recorded as a lock
// timeout: not the database outage the receiver_5xx alert is about.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { createDb, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { receiveDelivery } from "./receive-delivery";
import { flushReceiverFailures, storeFailureReason } from "./receiver-failures";

const SECRET = "slow-database-secret";
let database: TestDatabase;
let db: Db;
let sql: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "slow_database" });
  db = createDb(database.url);
  sql = createReceiverPool(database.url);
});

afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await database?.drop();
});

describe("the receiver against a blocked database", () => {
  it("answers 503 after its lock timeout, counted as a lock timeout and not as an outage", async () => {
    const body = envelope("approved", fixtureOrder());
    const send = () => receiveDelivery(sql, webhookRequest(body, SECRET), { secrets: [SECRET], sourceAddress: null });
    expect((await send()).status).toBe(200);

    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM webhook_deliveries FOR UPDATE");
      // The repeat's update waits for the row; lock_timeout ends the wait.
      const blocked = await send();
      expect(blocked).toMatchObject({ status: 503, body: { ok: false } });
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect(await send()).toMatchObject({ status: 200, body: { duplicate: true } });

    await flushReceiverFailures();
    expect(await db.receiverFailure.findMany({ select: { status: true, reason: true } })).toEqual([
      { status: 503, reason: "lock_timeout" },
    ]);
    expect((await evaluateAlerts(db, { overdueMs: 600_000 })).fired).not.toContain("receiver_5xx");
  });

  it("tells a statement timeout and an unreachable server from the rest", async () => {
    const slow = createReceiverPool(database.url, 1);
    try {
      const error = await slow.query("SELECT pg_sleep(10)").catch((e: unknown) => e);
      expect(storeFailureReason(error)).toBe("statement_timeout");
    } finally {
      await slow.end();
    }
    const nowhere = createReceiverPool("postgres://nobody:x@127.0.0.1:1/none", 1);
    try {
      expect(storeFailureReason(await nowhere.query("SELECT 1").catch((e: unknown) => e))).toBe("unreachable");
    } finally {
      await nowhere.end();
    }
    // This instance's own pool full (or its timers fired late after a freeze): not the database's doing.
    const busy = createReceiverPool(database.url, 1);
    try {
      const holding = busy.query("SELECT pg_sleep(3.5)").catch(() => {});
      expect(storeFailureReason(await busy.query("SELECT 1").catch((e: unknown) => e))).toBe("pool_busy");
      await holding;
    } finally {
      await busy.end();
    }
    expect(storeFailureReason(new Error("duplicate key value violates unique constraint"))).toBe("store_failed");
  });
});
