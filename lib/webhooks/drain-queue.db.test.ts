import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/test-database";
import { createDb, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { countArrivalsWith, drainSoon, joinRunningDrain, requestDrain } from "./drain-queue";
import { receiveDelivery } from "./receive-delivery";

let db: Db;
let sql: ReturnType<typeof createReceiverPool>;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "drain" });
  drop = database.drop;
  db = createDb(database.url);
  sql = createReceiverPool(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await sql.end();
  await drop();
});

const receive = (i: number) =>
  receiveDelivery(
    sql,
    webhookRequest(
      envelope("approved", fixtureOrder({ updated_at: new Date(Date.UTC(2026, 0, 1) + i).toISOString() })),
      "s",
    ),
    { secrets: ["s"], sourceAddress: null },
  );

describe("requestDrain", () => {
  it("runs one drain for a burst of requests and leaves nothing behind, however much was queued", async () => {
    for (let i = 0; i < 300; i++) await receive(i);
    // every request asks; all of them share one drain
    // a 1 ms budget per pass: it takes many passes, and the drain must not stop after the first
    const drains = Array.from({ length: 300 }, () => requestDrain(db, { passBudgetMs: 1, gatherMs: 0 }));
    expect(new Set(drains).size).toBe(1);
    await Promise.all(drains);
    expect(await db.webhookDelivery.count({ where: { status: { not: "processed" } } })).toBe(0);
    expect(await db.deliveryAttempt.count()).toBe(300);
  });

  it("a delivery stored while a drain runs joins it and is applied by it, without a drain of its own", async () => {
    expect(joinRunningDrain()).toBe(false); // nothing runs: the caller must start a drain
    await receive(1_000);
    const drain = requestDrain(db, { gatherMs: 50 });
    // stored during the drain's gathering wait, as the route handler does without after()
    await receive(1_001);
    expect(joinRunningDrain()).toBe(true);
    await drain;
    expect(joinRunningDrain()).toBe(false);
    expect(await db.webhookDelivery.count({ where: { status: { not: "processed" } } })).toBe(0);
  });

  it("drainSoon hands a new drain to the caller to keep alive only when none runs", async () => {
    const kept: Array<() => Promise<void>> = [];
    const keepAlive = (drain: () => Promise<void>) => void kept.push(drain);
    await receive(1_500);
    drainSoon(() => db, keepAlive);
    expect(kept).toHaveLength(1); // nothing ran: this caller starts the drain and keeps it alive
    const drain = kept[0]!();
    await receive(1_501);
    drainSoon(() => db, keepAlive);
    expect(kept).toHaveLength(1); // joined the running drain, which applies it
    await drain;
    expect(await db.webhookDelivery.count({ where: { status: { not: "processed" } } })).toBe(0);
  });

  it("past its lifetime a drain makes one last pass; what arrives meanwhile gets a fresh drain and is applied", async () => {
    await receive(2_000);
    const first = requestDrain(db, { gatherMs: 0, lifetimeMs: 0 });
    expect(joinRunningDrain()).toBe(true); // still gathering: it takes arrivals
    // timers fire in order: the drain's gathering wait ends first, and its last pass is under way
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(joinRunningDrain()).toBe(false);
    await receive(2_001);
    const second = requestDrain(db, { gatherMs: 0 });
    expect(second).not.toBe(first);
    await second;
    expect(await db.webhookDelivery.count({ where: { status: { not: "processed" } } })).toBe(0);
  });

  describe("with arrivals counted elsewhere (the drain thread's shared count)", () => {
    let counted = 0;
    let looks = 0;
    beforeEach(() => {
      counted = 0;
      looks = 0;
      countArrivalsWith(() => {
        looks++;
        const taken = counted;
        counted = 0;
        return taken;
      });
    });
    afterEach(() => countArrivalsWith(() => 0));

    it("takes them as arrivals: a delivery counted while a pass runs gets another pass", async () => {
      await receive(3_000);
      const drain = requestDrain(db, { gatherMs: 0 });
      // Stored and counted after the drain's first look, with nothing else telling it.
      await new Promise((resolve) => setTimeout(resolve, 1));
      await receive(3_001);
      counted++;
      await drain;
      expect(counted).toBe(0);
      expect(await db.webhookDelivery.count({ where: { status: { not: "processed" } } })).toBe(0);
    });

    it("leaves those counted during a last pass counted, for the drain that follows it", async () => {
      const drain = requestDrain(db, { gatherMs: 0, lifetimeMs: 0 });
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(looks).toBe(1); // the last pass is under way
      counted++;
      await drain;
      expect(counted).toBe(1);
    });
  });
});
