// What a hostile client (holding the right secret) can send the receiver, over
// real HTTP (the node:http receiver `npm start` serves) against a real
// PostgreSQL: never a 5xx, never a 200 for what cannot be applied; a refused
// body is kept as rejected with its reason and its bytes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/test-database";
import { createDb, type Db } from "@/lib/db/prisma";
import { startAppReceiver, type AppReceiver } from "@/lib/testing/app-receiver";
import { envelope, fixtureOrder, type FixtureOrder } from "@/lib/testing/webhook-fixtures";
import { MAX_AMOUNT } from "@/lib/points/envelope";
import { getDelivery } from "./get-delivery";
import { listDeliveries } from "./list-deliveries";
import { processDeliveries } from "./process-deliveries";
import { pendingReceiverFailures } from "./receiver-failures";
import { replayDelivery } from "./replay-deliveries";

const SECRET = "hostile-secret";
let db: Db;
let receiver: AppReceiver;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "hostile" });
  drop = database.drop;
  db = createDb(database.url);
  receiver = await startAppReceiver({ databaseUrl: database.url, db, secrets: [SECRET] });
});

afterAll(async () => {
  await receiver.close();
  await db.$disconnect();
  await drop();
});

beforeEach(async () => {
  await db.$executeRawUnsafe("TRUNCATE webhook_deliveries, delivery_attempts, orders, receiver_failures CASCADE");
});

const post = (body: string | Buffer) =>
  fetch(receiver.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-webhook-secret": SECRET },
    body: body as BodyInit,
  });

const withOrder = (changes: Record<string, unknown>, event = "approved") =>
  JSON.stringify(envelope(event, { ...fixtureOrder(), ...changes } as FixtureOrder));

/** A body whose metadata is nested `levels` deep (built as text: JSON.parse itself gives up on deep nesting). */
const deepMetadata = (levels: number) =>
  withOrder({ metadata: "@@" }).replace('"@@"', `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`);

/** Waits until the receiver's own drain has nothing left in flight. */
async function settle() {
  for (let i = 0; i < 100; i++) {
    await processDeliveries(db, { trigger: "sweeper" });
    if ((await db.webhookDelivery.count({ where: { status: { in: ["pending", "processing", "failed"] } } })) === 0)
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("deliveries still queued");
}

async function onlyDelivery() {
  const rows = await db.webhookDelivery.findMany();
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("values the store cannot hold or Points cannot mean: 400, kept as rejected with the reason", () => {
  it.each([
    ["updated_at in year 0000", withOrder({ updated_at: "0000-01-01T00:00:00Z" }), "order.updated_at"],
    [
      "updated_at with 3,000 fraction digits",
      withOrder({ updated_at: `2026-04-18T10:05:12.${"1".repeat(3000)}Z` }),
      "order.updated_at",
    ],
    ["updated_at with a +23:00 offset", withOrder({ updated_at: "2026-04-18T10:05:12+23:00" }), "order.updated_at"],
    ["created_at in year 0000", withOrder({ created_at: "0000-06-01T00:00:00Z" }), "order.created_at"],
    ["a 200 KB order_number", withOrder({ order_number: "N".repeat(200 * 1024) }), "order.order_number"],
    ["a 200 KB order_status", withOrder({ order_status: "s".repeat(200 * 1024) }), "order.order_status"],
    ["a NUL in reference_number", withOrder({ reference_number: "REF\u0000-1" }), "order.reference_number"],
    ["a lone surrogate in order_status", withOrder({ order_status: "approved\ud800" }), "order.order_status"],
    ["a NUL inside metadata", withOrder({ metadata: { note: "a\u0000b" } }), "order.metadata.note"],
    ["a lone surrogate in a metadata key", withOrder({ metadata: { "k\udc00": 1 } }), "order.metadata"],
    ["10,000-deep metadata", deepMetadata(10_000), "nested"],
    ["12-deep metadata", deepMetadata(12), "order.metadata"],
    ["20 KB of metadata", withOrder({ metadata: { pad: "x".repeat(20 * 1024) } }), "order.metadata"],
    ["total_price 1e308", withOrder({ total_price: 1e308 }), "order.total_price"],
    ["total_price 99999999999.99", withOrder({ total_price: 99_999_999_999.99 }), "order.total_price"],
    ["total_price null", withOrder({ total_price: null }), "order.total_price"],
    ['total_price ""', withOrder({ total_price: "" }), "order.total_price"],
    ["total_price false", withOrder({ total_price: false }), "order.total_price"],
    ["total_price true", withOrder({ total_price: true }), "order.total_price"],
    ["total_price [5]", withOrder({ total_price: [5] }), "order.total_price"],
    ['total_price "0x10"', withOrder({ total_price: "0x10" }), "order.total_price"],
    ['total_price "1e3"', withOrder({ total_price: "1e3" }), "order.total_price"],
    ["a negative total_price", withOrder({ total_price: -5 }), "order.total_price"],
    ["total_points 3e9", withOrder({ total_points: 3e9 }), "order.total_points"],
    ["fractional total_points", withOrder({ total_points: 1.5 }), "order.total_points"],
    ["total_points null", withOrder({ total_points: null }), "order.total_points"],
    ["refunded_total true", withOrder({ refunded_total: true }, "refunded"), "order.refunded_total"],
    [
      "a number beyond a double (1e400) in an extra field",
      withOrder({ extra: "@@" }).replace('"@@"', "1e400"),
      "order.extra",
    ],
    [
      "an event name of 10 KB",
      JSON.stringify({ ...envelope("approved", fixtureOrder()), event: "e".repeat(10_000) }),
      "event",
    ],
    ["an event that is not a string", JSON.stringify({ ...envelope("approved", fixtureOrder()), event: 7 }), "event"],
    ["a body that is an array", "[1,2,3]", "body"],
    ["bad JSON", '{"event":"approved",', "not valid JSON"],
  ])("%s", async (_name, body, reason) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(reason);
    const row = await onlyDelivery();
    expect(row).toMatchObject({ status: "rejected", dedupeKey: null, rawBytes: null });
    expect(row.rejectReason).toContain(reason);
    expect(row.rawBody).toBe(body);
    expect(pendingReceiverFailures()).toBe(0);
  });

  it.each([
    [
      "a raw NUL byte in a malformed body",
      Buffer.from('{"event":"approved","order":{"id":"\u0000', "utf8"),
      "NUL",
      "␀",
    ],
    [
      "invalid UTF-8 (an encoded lone surrogate)",
      Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
      "UTF-8",
      "\ufffd",
    ],
  ])("%s: 400, its exact bytes kept beside a readable stand-in", async (_name, bytes, reason, shown) => {
    const res = await post(bytes);
    expect(res.status).toBe(400);
    const row = await onlyDelivery();
    expect(row.status).toBe("rejected");
    expect(row.rejectReason).toContain(reason);
    expect(Buffer.from(row.rawBytes!).equals(bytes)).toBe(true);
    expect(row.rawBody).toContain(shown);
    // The payload viewer shows the stand-in and says the exact bytes are kept.
    const detail = await getDelivery(db, row.id);
    expect(detail).toMatchObject({ keptBytes: bytes.length, body: { json: false } });
    expect(pendingReceiverFailures()).toBe(0);
  });

  it("a value PostgreSQL refuses that the envelope check lets through is a 400 kept as rejected, not a 503", async () => {
    // JavaScript reads this number (as 0.1111…), PostgreSQL's jsonb cannot (more than 16,383 decimal digits).
    const body = withOrder({ extra: "@@" }).replace('"@@"', `0.${"1".repeat(20_000)}`);
    const res = await post(body);
    expect(res.status).toBe(400);
    const row = await onlyDelivery();
    expect(row.status).toBe("rejected");
    expect(row.rejectReason).toMatch(/database cannot store.*numeric/);
    expect(row.rawBody).toBe(body);
    // Not a receiver failure: nothing for receiver_5xx to count.
    expect(pendingReceiverFailures()).toBe(0);
    expect(await db.receiverFailure.count()).toBe(0);
  });
});

describe("valid but unusual deliveries are accepted and applied", () => {
  it.each([
    [
      "a decimal string price and microsecond offset timestamps",
      { total_price: "150.75", updated_at: "2026-04-18T13:05:12.123456+03:00" },
    ],
    ["the largest price the column holds", { total_price: MAX_AMOUNT, total_points: 2_147_483_647 }],
    ["a price in finer than halalas (rounded as the column does)", { total_price: 10.005 }],
    ["a zero price, no metadata, no reference number", { total_price: 0, metadata: null, reference_number: null }],
    [
      "Arabic text, emoji (surrogate pairs) and nested metadata",
      { order_number: "طلب-١٢٣-🎁", metadata: { a: { b: { c: ["🎁"] } } } },
    ],
    ["the API's numeric order type", { type: 2 }],
  ])("%s", async (_name, changes) => {
    const res = await post(withOrder(changes));
    expect(res.status).toBe(200);
    await settle();
    expect((await onlyDelivery()).status).toBe("processed");
    expect(await db.order.count()).toBe(1);
  });
});

describe("an event this version does not know", () => {
  it("is acknowledged, kept as unsupported, not processed, and replay says it is still unsupported", async () => {
    const res = await post(withOrder({}, "points_transferred"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, duplicate: false });
    expect((await post(withOrder({}, "points_transferred"))).status).toBe(200);
    await settle();
    const rows = await db.webhookDelivery.findMany({ where: { event: "points_transferred" } });
    expect(rows.map((r) => r.status)).toEqual(["unsupported", "unsupported"]);
    expect(await db.order.count()).toBe(0);
    // Filterable in the delivery log.
    const page = await listDeliveries(db, { status: "unsupported" });
    expect(page.rows.map((r) => r.event)).toEqual(["points_transferred", "points_transferred"]);
    const replay = await replayDelivery(db, rows[0]!.id);
    expect(replay).toEqual({ ok: false, reason: "unsupported" });
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe("unsupported");
  });

  it("is processed by a replay once the app knows the event", async () => {
    // As a version that did not know `approved` would have stored it.
    await post(withOrder({}, "approved"));
    await settle();
    await db.order.deleteMany();
    const row = await onlyDelivery();
    await db.webhookDelivery.update({ where: { id: row.id }, data: { status: "unsupported" } });
    expect(await replayDelivery(db, row.id)).toEqual({ ok: true, status: "processed" });
    expect(await db.order.count()).toBe(1);
  });
});
