import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { countReplayable, replayChunk, replayDelivery } from "./replay-deliveries";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "replay_deliveries" });
  db = createDb(database.url);
});

beforeEach(async () => {
  await db.webhookDelivery.deleteMany();
  await db.order.deleteMany();
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("replayDelivery", () => {
  it("processes a dead delivery again and logs the attempt as a replay", async () => {
    const order = fixtureOrder();
    const dead = await storeDelivery(db, { order, status: "dead", attempts: 6 });
    expect(await replayDelivery(db, dead.id)).toEqual({ ok: true, status: "processed" });
    const attempts = await db.deliveryAttempt.findMany({ where: { deliveryId: dead.id } });
    expect(attempts).toMatchObject([{ ok: true, trigger: "replay" }]);
    expect(await db.order.findUnique({ where: { pointsUuid: order.id } })).toMatchObject({
      orderNumber: order.order_number,
    });
  });

  it("refuses a rejected delivery, saying why", async () => {
    const rejected = await storeDelivery(db, { rejectedBody: "{oops" });
    const result = await replayDelivery(db, rejected.id);
    expect(result).toEqual({ ok: false, reason: "rejected" });
    expect(await db.webhookDelivery.findUnique({ where: { id: rejected.id } })).toMatchObject({ status: "rejected" });
  });

  it("leaves a delivery another worker holds alone", async () => {
    const held = await storeDelivery(db, { status: "processing", lockedUntil: new Date(Date.now() + 60_000) });
    expect(await replayDelivery(db, held.id)).toEqual({ ok: false, reason: "processing" });
  });

  it("says so for an unknown id", async () => {
    expect(await replayDelivery(db, BigInt(999_999))).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("bulk replay", () => {
  it("replays every matching delivery received up to the confirmation, in chunks", async () => {
    const asOf = new Date();
    const old = new Date(asOf.getTime() - 60_000);
    const matching = [];
    for (let i = 0; i < 5; i++) matching.push(await storeDelivery(db, { status: "failed", receivedAt: old }));
    await storeDelivery(db, { status: "failed", event: "captured", receivedAt: old });
    await storeDelivery(db, { rejectedBody: "{oops", receivedAt: old });
    const later = await storeDelivery(db, { status: "failed", receivedAt: new Date(asOf.getTime() + 60_000) });

    const filter = { event: "approved" as const };
    expect(await countReplayable(db, filter, asOf)).toBe(5);

    const chunks = [];
    let cursor: string | null = null;
    for (;;) {
      const chunk = await replayChunk(db, filter, { asOf, cursor, size: 2 });
      chunks.push(chunk);
      if (chunk.done) break;
      cursor = chunk.nextCursor;
    }
    expect(chunks.map((c) => c.replayed)).toEqual([2, 2, 1]);
    expect(chunks.reduce((n, c) => n + c.summary.processed, 0)).toBe(5);

    const statuses = await db.webhookDelivery.findMany({ select: { id: true, status: true, event: true } });
    const byId = new Map(statuses.map((s) => [s.id, s.status]));
    expect(matching.map((m) => byId.get(m.id))).toEqual(Array(5).fill("processed"));
    expect(byId.get(later.id)).toBe("failed");
    expect(statuses.filter((s) => s.event === "captured").map((s) => s.status)).toEqual(["failed"]);
  });

  it("finishes at once when nothing matches", async () => {
    const result = await replayChunk(db, { status: "rejected" }, { asOf: new Date(), cursor: null });
    expect(result).toEqual({
      replayed: 0,
      summary: { processed: 0, failed: 0, dead: 0, superseded: 0 },
      nextCursor: null,
      done: true,
    });
  });
});
