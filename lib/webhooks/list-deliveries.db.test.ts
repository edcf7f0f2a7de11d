import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { matchesFilter, parseDeliveryQuery, type DeliveryQuery } from "./delivery-filters";
import { latestDeliveryId, listDeliveries, type DeliveryRow } from "./list-deliveries";

let database: TestDatabase;
let db: Db;
const base = new Date("2026-04-18T07:00:00.000Z");
const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);
const order = fixtureOrder({ order_number: "ORD-SEARCH-1" });

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "list_deliveries" });
  db = createDb(database.url);
  // 12 deliveries; minutes 5 and 6 each hold two, so ties on received_at are exercised.
  const minutes = [0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 8, 9];
  for (const [i, minute] of minutes.entries()) {
    await storeDelivery(db, {
      event: i % 3 === 0 ? "captured" : "approved",
      status: i % 4 === 0 ? "failed" : "processed",
      duplicateCount: i === 7 ? 3 : 0,
      order: i === 10 ? order : undefined,
      receivedAt: at(minute),
    });
  }
  await storeDelivery(db, { rejectedBody: "{oops", receivedAt: at(10) });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

function query(init: Record<string, string>): DeliveryQuery {
  const result = parseDeliveryQuery(new URLSearchParams(init));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function isNewestFirst(rows: DeliveryRow[]): boolean {
  return rows.every((r, i) => {
    const prev = rows[i - 1];
    return (
      !prev || prev.receivedAt > r.receivedAt || (prev.receivedAt === r.receivedAt && BigInt(prev.id) > BigInt(r.id))
    );
  });
}

describe("listDeliveries", () => {
  it("lists newest first, ties broken by id, with no newer page", async () => {
    const page = await listDeliveries(db, {}, 100);
    expect(page.rows).toHaveLength(13);
    expect(isNewestFirst(page.rows)).toBe(true);
    expect(page.rows[0]!.status).toBe("rejected");
    expect(page).toMatchObject({ prevCursor: null, nextCursor: null });
  });

  it("pages older and back newer without gaps or overlaps, across ties", async () => {
    const all = (await listDeliveries(db, {}, 100)).rows.map((r) => r.id);
    const seen: string[] = [];
    let page = await listDeliveries(db, {}, 4);
    const pages = [page];
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await listDeliveries(db, query({ older: page.nextCursor }), 4);
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(all);
    expect(pages.map((p) => p.rows.length)).toEqual([4, 4, 4, 1]);

    const back = await listDeliveries(db, query({ newer: pages[2]!.prevCursor! }), 4);
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    const top = await listDeliveries(db, query({ newer: pages[1]!.prevCursor! }), 4);
    expect(top.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(top.prevCursor).toBeNull();
    expect(top.nextCursor).not.toBeNull();
  });

  it.each([
    { event: "captured" },
    { status: "failed" },
    { status: "rejected" },
    { status: "duplicate" },
    { q: "ORD-SEARCH-1" },
    { q: order.id.toUpperCase() },
    { from: "2026-04-18T10:05", to: "2026-04-18T10:06" },
    { event: "approved", status: "processed", from: "2026-04-18T10:02" },
  ] as Array<Record<string, string>>)("selects the same rows in SQL as matchesFilter does live: %o", async (init) => {
    const all = (await listDeliveries(db, {}, 100)).rows;
    const filtered = (await listDeliveries(db, query(init), 100)).rows;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered).toEqual(all.filter((r) => matchesFilter(r, query(init))));
  });

  it("finds nothing for an unknown order without failing", async () => {
    expect((await listDeliveries(db, query({ q: "nope" }))).rows).toEqual([]);
  });
});

describe("latestDeliveryId", () => {
  it("is the highest id", async () => {
    const rows = (await listDeliveries(db, {}, 100)).rows;
    expect(await latestDeliveryId(db)).toBe(rows.map((r) => BigInt(r.id)).reduce((a, b) => (a > b ? a : b)));
  });
});
