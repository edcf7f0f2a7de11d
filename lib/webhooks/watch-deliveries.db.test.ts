import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createDeliveryFeed, MAX_CATCH_UP } from "./watch-deliveries";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "watch_deliveries" });
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe("createDeliveryFeed", () => {
  it("sends new matching deliveries once, and later status changes as updates", async () => {
    const before = await storeDelivery(db, { status: "processed" });
    const feed = createDeliveryFeed(db, { event: "approved" }, null);
    const first = await feed.poll();
    expect(first.rows).toEqual([]);
    expect(first.reset).toBe(false);

    const a = await storeDelivery(db, { event: "approved" });
    const b = await storeDelivery(db, { event: "captured" });
    const second = await feed.poll();
    expect(ids(second.rows)).toEqual([a.id.toString()]);
    expect(second.lastId).toBe(b.id.toString());

    expect(await feed.poll()).toMatchObject({ rows: [], updates: [] });

    await db.webhookDelivery.update({ where: { id: a.id }, data: { status: "processed", attempts: 1 } });
    await db.webhookDelivery.update({ where: { id: before.id }, data: { duplicateCount: 1 } });
    const third = await feed.poll();
    expect(third.rows).toEqual([]);
    expect(third.updates.map((u) => [u.id, u.status, u.duplicateCount])).toEqual([
      [before.id.toString(), "processed", 1],
      [a.id.toString(), "processed", 0],
    ]);
  });

  it("catches an insert that committed after a higher id", async () => {
    const feed = createDeliveryFeed(db, {}, null);
    await feed.poll();
    const early = await storeDelivery(db);
    const high = await storeDelivery(db);
    // As if `early`'s transaction committed only after `high`'s: invisible at the next poll, there at the one after.
    const { headers, ...hidden } = await db.webhookDelivery.delete({ where: { id: early.id } });
    expect(ids((await feed.poll()).rows)).toEqual([high.id.toString()]);
    await db.webhookDelivery.create({ data: { ...hidden, headers: headers as Prisma.InputJsonObject } });
    expect(ids((await feed.poll()).rows)).toEqual([early.id.toString()]);
  });

  it("resumes after a reconnect from the last id the client has", async () => {
    const last = await storeDelivery(db);
    const missed = await storeDelivery(db);
    const feed = createDeliveryFeed(db, {}, last.id);
    const batch = await feed.poll();
    expect(ids(batch.rows)).toEqual([missed.id.toString()]);
    expect(ids(batch.updates)).toContain(last.id.toString());
  });

  it("asks a client that is too far behind to reload", async () => {
    const latest = await storeDelivery(db);
    const feed = createDeliveryFeed(db, {}, latest.id - BigInt(MAX_CATCH_UP + 1));
    const batch = await feed.poll();
    expect(batch.reset).toBe(true);
    expect(batch.rows).toEqual([]);
    expect(batch.lastId).toBe(latest.id.toString());
  });
});
