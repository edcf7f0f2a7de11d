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

  it("logs the first failure at once and the rest of a saturated spell as one counted line, also when no timer ran, while every failure is still recorded", async () => {
    // The process's logger, writing here: what ops would read.
    const lines: Array<Record<string, unknown>> = [];
    const holder = globalThis as unknown as { pointsOpsLogger?: ReturnType<typeof createLogger> };
    const previous = holder.pointsOpsLogger;
    holder.pointsOpsLogger = createLogger({ write: (line: string) => void lines.push(JSON.parse(line)) });
    const counted = () => lines.filter((l) => l.msg === "webhook receiver failures noted since the last line");
    try {
      // The failures above came more than an interval ago: the next one comes after a quiet spell.
      await new Promise((resolve) => setTimeout(resolve, LOG_INTERVAL_MS + 100));
      await db.receiverFailure.deleteMany();
      lines.length = 0;

      noteReceiverFailure(sql, 503, "pool_busy");
      expect(lines.at(-1)).toMatchObject({ status: 503, reason: "pool_busy", msg: "webhook receiver failure noted" });
      const before = lines.length;
      for (let i = 0; i < 150; i++) noteReceiverFailure(sql, 503, "pool_busy");
      for (let i = 0; i < 49; i++) noteReceiverFailure(sql, 503, "lock_timeout");
      expect(lines).toHaveLength(before); // the saturated spell writes nothing per failure

      // Frozen past the interval (a Vercel instance between requests): no timer runs, so
      // the next failure writes the interval's counted line before its own.
      const thawed = Date.now() + LOG_INTERVAL_MS + 50;
      while (Date.now() < thawed); // blocks timers as a freeze does
      noteReceiverFailure(sql, 503, "statement_timeout");
      expect(lines.slice(before)).toEqual([
        expect.objectContaining({
          count: 199,
          failures: expect.arrayContaining([
            { status: 503, reason: "pool_busy", count: 150 },
            { status: 503, reason: "lock_timeout", count: 49 },
          ]),
        }),
        expect.objectContaining({ status: 503, reason: "statement_timeout", msg: "webhook receiver failure noted" }),
      ]);

      // A spell that simply ends gets its counted line from the timer, once.
      for (let i = 0; i < 3; i++) noteReceiverFailure(sql, 503, "statement_timeout");
      await expect.poll(() => counted().length, { timeout: 10_000, interval: 100 }).toBe(2);
      expect(counted()[1]).toMatchObject({
        count: 3,
        failures: [{ status: 503, reason: "statement_timeout", count: 3 }],
      });
      await new Promise((resolve) => setTimeout(resolve, LOG_INTERVAL_MS + 100));
      expect(counted()).toHaveLength(2);

      await flushReceiverFailures();
      expect(await db.receiverFailure.count({ where: { reason: "pool_busy" } })).toBe(151);
      expect(await db.receiverFailure.count({ where: { reason: "lock_timeout" } })).toBe(49);
      expect(await db.receiverFailure.count({ where: { reason: "statement_timeout" } })).toBe(4);
    } finally {
      holder.pointsOpsLogger = previous;
    }
  });
});
