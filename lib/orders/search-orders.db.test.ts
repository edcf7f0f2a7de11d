import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { applyOrderSnapshot, type OrderSnapshot } from "./apply-order-snapshot";
import { parseOrderSearch, SORTS, type OrderSearchInput, type OrderSort } from "./order-search-params";
import { pageStatements, readPage, searchOrders, type OrderListRow, type PageOptions } from "./search-orders";

let database: TestDatabase;
let db: Db;

// 23:00 in Riyadh on 17 April; rows come in threes per half hour, so sorts meet ties and cross Riyadh midnight.
const base = Date.parse("2026-04-17T20:00:00.000Z");
const PRICES = [9.5, 20, 20, 100, 250.75, 1500];
const STATUSES = ["approved", "captured", "cancelled", "new"];
const SHIPPING = ["delivered", "ready_shipping", "new"];

const seeded: OrderSnapshot[] = Array.from({ length: 24 }, (_, i) => ({
  uuid: randomUUID(),
  orderNumber: `ORD-2026-${String(i).padStart(4, "0")}`,
  referenceNumber: i % 5 === 4 ? null : `REF-${1000 + i * 7}`,
  type: i % 3 === 0 ? "earning" : "replacing",
  orderStatus: STATUSES[i % 4]!,
  paymentStatus: "fully_paid",
  totalPrice: PRICES[i % 6]!,
  totalPoints: 10 * i,
  metadata: null,
  createdAt: new Date(base + Math.floor(i / 3) * 1_800_000 - 60_000).toISOString(),
  updatedAt: new Date(base + Math.floor(i / 3) * 1_800_000).toISOString(),
  shipping: i % 4 === 0 ? undefined : { status: SHIPPING[i % 3]!, labelAr: null, labelEn: null },
}));
const extra = (orderNumber: string, referenceNumber: string | null): OrderSnapshot => ({
  ...seeded[1]!,
  uuid: randomUUID(),
  orderNumber,
  referenceNumber,
  updatedAt: "2026-03-01T10:00:00.000Z",
});
// `_` is a LIKE wildcard; "DUP-1" is one order's number and another's reference.
// Customers' spellings: a mobile in the merchant's metadata (nested, local form) and one in a Points field.
const withPhone = (orderNumber: string, data: Partial<OrderSnapshot>): OrderSnapshot => ({
  ...extra(orderNumber, null),
  ...data,
});
const extras = [
  extra("SHOP_1", null),
  extra("SHOPX1", null),
  extra("DUP-1", null),
  extra("OTHER-9", "DUP-1"),
  extra("DUP-10", null),
  extra("LATER-2", "DUP-11"),
  extra("0599999999", null),
  extra("EDGE-1X", "EDGE-1"),
  extra("DEMO-C-0002", "Ref-Mixed-77"),
  withPhone("PHONE-META", { metadata: { customer: { mobile: "055 123 4567" } }, phones: ["551234567"] }),
  withPhone("PHONE-POINTS", { phones: ["551234567"] }),
  withPhone("PHONE-OTHER", { metadata: { phone: "+966 59 999 9999" }, phones: ["599999999"] }),
];
const all = [...seeded, ...extras];

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "search_orders" });
  db = createDb(database.url);
  for (const order of all) await applyOrderSnapshot(db, order);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

async function search(input: OrderSearchInput, pageSize?: number, options: PageOptions = {}) {
  const parsed = parseOrderSearch(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return searchOrders(db, parsed.value, { pageSize, ...options });
}
const numbers = (rows: OrderListRow[]) => rows.map((r) => r.orderNumber).sort();
const expected = (keep: (o: OrderSnapshot) => boolean) =>
  all
    .filter(keep)
    .map((o) => o.orderNumber)
    .sort();

describe("searchOrders: the search box", () => {
  it.each([
    ["order_number", "ORD-2026-0007"],
    ["order_number with # and spaces", "  #ORD-2026-0007 "],
    ["reference_number", seeded[7]!.referenceNumber!],
    ["Points uuid", seeded[7]!.uuid],
    ["Points uuid in capitals", ` ${seeded[7]!.uuid.toUpperCase()}`],
  ])("finds one order exactly by %s", async (_kind, q) => {
    const page = await search({ q });
    expect(page.exactMatch).toMatchObject({ orderNumber: "ORD-2026-0007", pointsUuid: seeded[7]!.uuid });
    expect(numbers(page.rows)).toEqual(["ORD-2026-0007"]);
  });

  it("finds by prefix of order_number and of reference_number", async () => {
    const page = await search({ q: "ORD-2026-001" });
    expect(numbers(page.rows)).toEqual(expected((o) => o.orderNumber.startsWith("ORD-2026-001")));
    expect(page.rows).toHaveLength(10);
    expect(page.exactMatch).toBeNull();
    expect(numbers((await search({ q: "#REF-10" })).rows)).toEqual(
      expected((o) => !!o.referenceNumber?.startsWith("REF-10")),
    );
  });

  it.each(["demo-c-0002", "  #Demo-C-0002", "DEMO-C- 0002 ", "ref-mixed-77", "# REF-MIXED-77 "])(
    "finds an order whatever the case, spaces or leading # of %j",
    async (q) => {
      const page = await search({ q });
      expect(page.exactMatch?.orderNumber).toBe("DEMO-C-0002");
      expect(numbers(page.rows)).toEqual(["DEMO-C-0002"]);
    },
  );

  it("finds by prefix whatever the case", async () => {
    expect(numbers((await search({ q: "demo-c" })).rows)).toEqual(["DEMO-C-0002"]);
  });

  it.each(["0551234567", "551234567", "+966551234567", "00966 55 123 4567", "(055) 123-4567"])(
    "finds the orders whose data carries the phone %j, shown masked",
    async (q) => {
      const page = await search({ q });
      expect(numbers(page.rows)).toEqual(["PHONE-META", "PHONE-POINTS"]);
      expect(page.phone).toBe("05•••••567");
      expect(page.exactMatch).toBeNull();
    },
  );

  it("reads no phone in a term that is not a Saudi mobile", async () => {
    const page = await search({ q: "0451234567" });
    expect(page.rows).toEqual([]);
    expect(page.phone).toBeNull();
  });

  it("treats LIKE wildcards in the term as plain characters", async () => {
    expect(numbers((await search({ q: "SHOP_" })).rows)).toEqual(["SHOP_1"]);
    expect(numbers((await search({ q: "ORD-2026-00%" })).rows)).toEqual([]);
  });

  it("lists every exact match first but offers no single order when the term names several", async () => {
    const page = await search({ q: "DUP-1" });
    expect(numbers(page.rows.slice(0, 2))).toEqual(["DUP-1", "OTHER-9"]);
    expect(page.rows.slice(2).map((r) => r.orderNumber)).toEqual(["DUP-10", "LATER-2"]);
    expect(page.exactMatch).toBeNull();
  });

  it("lists a prefix's matches in number order, the exact number first", async () => {
    const page = await search({ q: "ord-2026-001" });
    expect(page.rows.map((r) => r.orderNumber)).toEqual(expected((o) => o.orderNumber.startsWith("ORD-2026-001")));
    const exact = await search({ q: "ORD-2026-0001" });
    expect(exact.rows.map((r) => r.orderNumber)).toEqual(["ORD-2026-0001"]);
  });

  it("names the order whose reference is the term, though its longer number also starts with it", async () => {
    const page = await search({ q: "edge-1" });
    expect(page.rows.map((r) => r.orderNumber)).toEqual(["EDGE-1X"]);
    expect(page.exactMatch?.orderNumber).toBe("EDGE-1X");
    // the same from the exact lookup, which a filter or a later page needs
    expect((await search({ q: "edge-1", status: "new" })).exactMatch?.orderNumber).toBe("EDGE-1X");
    expect((await search({ q: "edge-1", sort: "amount_asc" })).exactMatch?.orderNumber).toBe("EDGE-1X");
  });

  it("names the order numbered like a phone, on a page of that customer's orders or past it", async () => {
    const page = await search({ q: "0599999999" }, 1);
    expect(page.rows.map((r) => r.orderNumber)).toEqual(["PHONE-OTHER"]);
    expect(page.exactMatch?.orderNumber).toBe("0599999999");
    expect((await search({ q: "0599999999" })).exactMatch?.orderNumber).toBe("0599999999");
  });

  it("lists the orders a phone names before numbers that start with its digits", async () => {
    const page = await search({ q: "0599999999" });
    expect(page.rows.map((r) => r.orderNumber)).toEqual(["PHONE-OTHER", "0599999999"]);
  });

  it("honours another sort chosen with a term", async () => {
    const rows = (await search({ q: "ORD-2026-00", sort: "amount_desc" }, 100)).rows;
    expect(rows.map((r) => r.orderNumber).sort()).toEqual(expected((o) => o.orderNumber.startsWith("ORD-2026-00")));
    const amounts = rows.map((r) => Number(r.totalPrice));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it("finds nothing for a uuid no order has", async () => {
    const page = await search({ q: randomUUID() });
    expect(page).toEqual({ rows: [], exactMatch: null, phone: null, prevCursor: null, nextCursor: null });
  });

  it("ignores a term that is only # and spaces", async () => {
    expect((await search({ q: " # " }, 100)).rows).toHaveLength(all.length);
  });
});

describe("searchOrders: filters", () => {
  it.each<[string, OrderSearchInput, (o: OrderSnapshot) => boolean]>([
    ["order_status", { status: "cancelled" }, (o) => o.orderStatus === "cancelled"],
    ["shipping status", { shipping: "ready_shipping" }, (o) => o.shipping?.status === "ready_shipping"],
    ["no shipping status yet", { shipping: "none" }, (o) => !o.shipping],
    ["type", { type: "earning" }, (o) => o.type === "earning"],
    ["amount from", { min: "100" }, (o) => o.totalPrice >= 100],
    ["amount range", { min: "9.50", max: "20" }, (o) => o.totalPrice >= 9.5 && o.totalPrice <= 20],
    // Riyadh days: 18 April starts at 21:00 UTC on the 17th.
    ["updated from a day", { from: "2026-04-18" }, (o) => o.updatedAt >= "2026-04-17T21:00:00.000Z"],
    ["updated up to a day", { to: "2026-04-17" }, (o) => o.updatedAt < "2026-04-17T21:00:00.000Z"],
    [
      "several at once",
      { q: "ORD", type: "replacing", status: "captured", min: "20" },
      (o) =>
        o.orderNumber.startsWith("ORD") && o.type === "replacing" && o.orderStatus === "captured" && o.totalPrice >= 20,
    ],
  ])("by %s", async (_name, input, keep) => {
    const page = await search(input, 100);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(numbers(page.rows)).toEqual(expected(keep));
  });

  it("keeps the exact match of the term when filters hide it from the list", async () => {
    const page = await search({ q: "ORD-2026-0007", status: "cancelled" });
    expect(page.rows).toEqual([]);
    expect(page.exactMatch?.orderNumber).toBe("ORD-2026-0007");
  });
});

describe("searchOrders: sort and keyset pagination", () => {
  it("sorts by updated (newest first by default), amount as a number, and order number", async () => {
    const updated = (await search({}, 100)).rows.map((r) => r.pointsUpdatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    const amounts = (await search({ sort: "amount_asc" }, 100)).rows.map((r) => Number(r.totalPrice));
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    expect(amounts[0]).toBe(9.5);
    const seededNumbers = (await search({ q: "ORD-", sort: "number_desc" }, 100)).rows.map((r) => r.orderNumber);
    expect(seededNumbers).toEqual([...seededNumbers].sort().reverse());
  });

  // In match order, "dup-1" pages across ties (two orders found by the key dup-1) and from the number
  // index to the reference one; "0599999999" from the phone's order to a number.
  it.each<[OrderSort, string | undefined, number]>([
    ...SORTS.map((sort): [OrderSort, undefined, number] => [sort, undefined, all.length]),
    ["match", "dup-1", 4],
    ["match", "0599999999", 2],
    ["match", "ORD-2026-001", 10],
  ])("pages through %s (term %j) without duplicates or gaps, forwards and back", async (sort, q, count) => {
    const everything = (await search({ sort, q }, 100)).rows.map((r) => r.id);
    expect(everything).toHaveLength(count);
    const size = q ? 1 : 5;

    const forward: string[][] = [];
    let page = await search({ sort, q }, size);
    expect(page.prevCursor).toBeNull();
    forward.push(page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await search({ sort, q, after: page.nextCursor }, size);
      forward.push(page.rows.map((r) => r.id));
    }
    expect(forward.flat()).toEqual(everything);
    expect(forward).toHaveLength(Math.ceil(count / size));

    const backward: string[][] = [forward.at(-1)!];
    while (page.prevCursor) {
      page = await search({ sort, q, before: page.prevCursor }, size);
      backward.unshift(page.rows.map((r) => r.id));
    }
    expect(backward).toEqual(forward);
    expect(page.nextCursor).not.toBeNull();
  });

  // The walk stops after a few rows here, as it would after 5,000 in a large table with rare matches.
  it.each<OrderSearchInput>([
    { status: "cancelled" },
    { type: "earning", sort: "amount_asc" },
    { q: "REF-10", sort: "number_desc" },
    { q: "ORD-2026-00", status: "approved" },
    { q: "dup-1", type: "replacing" },
  ])("gives the same pages when the walk gives up early (%j)", async (input) => {
    const pages = async (options: PageOptions) => {
      const ids: string[] = [];
      let page = await search(input, 2, options);
      ids.push(...page.rows.map((r) => r.id));
      while (page.nextCursor) {
        page = await search({ ...input, after: page.nextCursor }, 2, options);
        ids.push(...page.rows.map((r) => r.id));
      }
      return ids;
    };
    const full = await pages({});
    expect(full.length).toBeGreaterThan(2);
    expect(await pages({ walkLimit: 3 })).toEqual(full);
  });

  it("fills a page the walk found too few matches for by walking further, and looks the matches up when that fails too", async () => {
    const read = async (input: OrderSearchInput, options: PageOptions) => {
      const parsed = parseOrderSearch(input);
      if (!parsed.ok) throw new Error(parsed.error);
      const page = await readPage(db, pageStatements(parsed.value, options), options);
      return { read: page.read, numbers: page.rows.map((r) => r.order_number) };
    };
    // By number, six other orders come before ORD-2026-0000; a walk of 9 rows finds one cancelled order.
    expect(await read({ status: "cancelled", sort: "number_asc" }, { pageSize: 2, walkLimit: 9 })).toEqual({
      read: "further walk",
      numbers: ["ORD-2026-0002", "ORD-2026-0006", "ORD-2026-0010"],
    });
    // Two cancelled earning orders in all: the further walk cannot fill a page of two (and one more).
    expect(
      await read({ status: "cancelled", type: "earning", sort: "number_asc" }, { pageSize: 2, walkLimit: 13 }),
    ).toEqual({ read: "match first", numbers: ["ORD-2026-0006", "ORD-2026-0018"] });
    // A walk that finds none has nothing to judge by.
    expect(await read({ status: "cancelled", sort: "number_asc" }, { pageSize: 2, walkLimit: 4 })).toMatchObject({
      read: "match first",
    });
  });

  it("pages a filtered search, keeping the filter", async () => {
    const first = await search({ q: "ORD-2026-00", status: "approved", sort: "amount_desc" }, 2);
    const second = await search(
      { q: "ORD-2026-00", status: "approved", sort: "amount_desc", after: first.nextCursor! },
      2,
    );
    const rows = [...first.rows, ...second.rows];
    expect(new Set(rows.map((r) => r.id)).size).toBe(4);
    expect(rows.every((r) => r.orderStatus === "approved" && r.orderNumber.startsWith("ORD-2026-00"))).toBe(true);
  });
});

describe("parseOrderSearch", () => {
  it.each<[OrderSearchInput, string]>([
    [{ status: "paid" }, "status"],
    [{ shipping: "lost" }, "shipping"],
    [{ min: "abc" }, "min"],
    [{ min: "200", max: "100" }, "max"],
    [{ from: "2026-05-02", to: "2026-05-01" }, "to"],
    [{ from: "yesterday" }, "from"],
    [{ sort: "random" }, "sort"],
    [{ after: "not-a-cursor" }, "after"],
  ])("refuses %j with a message naming %s", (input, key) => {
    const parsed = parseOrderSearch(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(`"${key}"`);
  });

  it("takes any key as a match-order position with a term, and only a time without one", () => {
    const position = `ord-2026-0001_${randomUUID()}`;
    expect(parseOrderSearch({ q: "ORD", after: position }).ok).toBe(true);
    expect(parseOrderSearch({ after: position }).ok).toBe(false);
    expect(parseOrderSearch({ after: `1776456000000_${randomUUID()}` }).ok).toBe(true);
  });

  it("refuses a page position made for another sort", async () => {
    const { nextCursor } = await search({ sort: "number_asc" }, 2);
    expect(parseOrderSearch({ sort: "amount_asc", after: nextCursor! }).ok).toBe(false);
    expect(parseOrderSearch({ sort: "number_desc", after: nextCursor! }).ok).toBe(true);
  });

  it("reads URL params, empty fields meaning no filter", () => {
    const parsed = parseOrderSearch(new URLSearchParams("q=%23ORD-1&status=&shipping=none&sort="));
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({ q: "ORD-1", status: undefined, shipping: "none", sort: "match" }),
    });
  });
});
