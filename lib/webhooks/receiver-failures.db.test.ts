// The receiver's 503s while the database is away are kept in memory and
// written to receiver_failures once it answers again, without any help.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { createLogger } from "@/lib/log/logger";
import { dropDatabase, quoteIdent, withClient, withDatabase } from "@/lib/db/pg-admin";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { receiveDelivery } from "./receive-delivery";
import {
  flushReceiverFailures,
  LOG_INTERVAL_MS,
  MAX_PENDING_FAILURES,
  noteReceiverFailure,
  pendingReceiverFailures,
} from "./receiver-failures";

const SECRET = "receiver-failures-secret";
let database: TestDatabase;
/** The database under a name that does not exist until it "comes back". */
let awayName: string;
let db: Db;
/** The receiver's pool on that database. */
let sql: ReturnType<typeof createReceiverPool>;

const send = (secret = SECRET) =>
  receiveDelivery(sql, webhookRequest(envelope("approved", fixtureOrder()), secret), {
    secrets: [SECRET],
    sourceAddress: null,
  });

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "receiver_failures" });
  awayName = `${database.name}_b`;
  db = createDb(withDatabase(database.url, awayName));
  sql = createReceiverPool(withDatabase(database.url, awayName));
});

afterAll(async () => {
  await db?.$disconnect();
  await sql?.end();
  const server = withDatabase(database.url, "postgres");
  await dropDatabase(server, awayName).catch(() => {});
  await database?.drop();
});

describe("receiver failures", () => {
  it("notes a 503 while the database is away and records it once the database is back", async () => {
    const during = await send();
    expect(during.status).toBe(503);
    expect((await send("wrong")).status).toBe(401); // not a receiver failure: Points is not retrying a 401 into success
    expect(pendingReceiverFailures()).toBe(1);
    expect(await flushReceiverFailures()).toBe(0); // still away: kept
    expect(pendingReceiverFailures()).toBe(1);

    await withClient(withDatabase(database.url, "postgres"), (c) =>
      c.query(`ALTER DATABASE ${quoteIdent(database.name)} RENAME TO ${quoteIdent(awayName)}`),
    );
    // Nobody calls flush: the receiver's own retry timer writes it.
    await expect
      .poll(() => db.receiverFailure.findMany(), { timeout: 20_000, interval: 250 })
      .toEqual([expect.objectContaining({ status: 503, reason: "unreachable", occurredAt: expect.any(Date) })]);
    expect(pendingReceiverFailures()).toBe(0);

    expect((await send()).status).toBe(200); // success notes nothing
    expect(pendingReceiverFailures()).toBe(0);
  });

  it("keeps at most the newest MAX_PENDING_FAILURES failures noted before a write", async () => {
    await db.receiverFailure.deleteMany();
    for (let i = 0; i < MAX_PENDING_FAILURES + 5; i++) noteReceiverFailure(sql, 503, i < 5 ? "oldest" : "store_failed");
    expect(pendingReceiverFailures()).toBe(MAX_PENDING_FAILURES);
    expect(await flushReceiverFailures()).toBe(MAX_PENDING_FAILURES);
    expect(await db.receiverFailure.count({ where: { reason: "oldest" } })).toBe(0);
    expect(await db.receiverFailure.count()).toBe(MAX_PENDING_FAILURES);
  });

  it("logs the first failure at once and the rest of a saturated spell as one counted line per interval, while every failure is still recorded", async () => {
    // The process's logger, writing here: what ops would read.
    const lines: Array<Record<string, unknown>> = [];
    const holder = globalThis as unknown as { pointsOpsLogger?: ReturnType<typeof createLogger> };
    const previous = holder.pointsOpsLogger;
    holder.pointsOpsLogger = createLogger({ write: (line: string) => void lines.push(JSON.parse(line)) });
    try {
      // The interval the failures above opened has ended: the next failure comes after a quiet spell.
      await new Promise((resolve) => setTimeout(resolve, 2 * LOG_INTERVAL_MS + 500));
      await db.receiverFailure.deleteMany();
      lines.length = 0;

      noteReceiverFailure(sql, 503, "pool_busy");
      expect(lines).toEqual([expect.objectContaining({ status: 503, reason: "pool_busy" })]);
      for (let i = 0; i < 150; i++) noteReceiverFailure(sql, 503, "pool_busy");
      for (let i = 0; i < 49; i++) noteReceiverFailure(sql, 503, "lock_timeout");
      expect(lines).toHaveLength(1); // the saturated spell writes nothing per failure

      await expect.poll(() => lines.length, { timeout: 10_000, interval: 100 }).toBe(2);
      expect(lines[1]).toMatchObject({
        count: 199,
        failures: expect.arrayContaining([
          { status: 503, reason: "pool_busy", count: 150 },
          { status: 503, reason: "lock_timeout", count: 49 },
        ]),
      });

      await flushReceiverFailures();
      expect(await db.receiverFailure.count({ where: { reason: "pool_busy" } })).toBe(151);
      expect(await db.receiverFailure.count({ where: { reason: "lock_timeout" } })).toBe(49);
    } finally {
      holder.pointsOpsLogger = previous;
    }
  });
});
