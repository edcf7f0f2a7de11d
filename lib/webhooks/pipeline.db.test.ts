// The webhook pipeline against a real PostgreSQL: receiver → durable store →
// queue → order projection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/test-database";
import { createDb, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { envelope, fixtureOrder, later, webhookRequest, type FixtureOrder } from "@/lib/testing/webhook-fixtures";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { loadRefundPosition } from "@/lib/refunds/refund-ledger";
import { listDeliveries } from "./list-deliveries";
import { MAX_ATTEMPTS, processDeliveries } from "./process-deliveries";
import { receiveDelivery } from "./receive-delivery";

const SECRET = "test-webhook-secret";
let db: Db;
let sql: ReturnType<typeof createReceiverPool>;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "pipeline" });
  drop = database.drop;
  db = createDb(database.url);
  sql = createReceiverPool(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await sql.end();
  await drop();
});

beforeEach(async () => {
  await db.$executeRawUnsafe(
    "TRUNCATE webhook_deliveries, delivery_attempts, verification_failures, orders, refund_ledger, alerts CASCADE",
  );
});

const request = (body: unknown, headers?: Record<string, string>) => webhookRequest(body, SECRET, headers);

const receive = (body: unknown, headers?: Record<string, string>) =>
  receiveDelivery(sql, request(body, headers), { secrets: [SECRET, "older-secret"], sourceAddress: "203.0.113.9" });

async function deliverAll(events: Array<[string, FixtureOrder]>) {
  for (const [event, order] of events) expect((await receive(envelope(event, order))).status).toBe(200);
  return processDeliveries(db, { trigger: "sweeper" });
}

describe("receiver", () => {
  it("stores a verified delivery and answers 200 duplicate:false", async () => {
    const result = await receive(envelope("approved", fixtureOrder()));
    expect(result).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
    const stored = await db.webhookDelivery.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: "pending", event: "approved", sourceAddress: "203.0.113.9" });
    expect((stored[0]!.headers as Record<string, string>)["x-webhook-secret"]).toBe("[redacted]");
  });

  it("accepts the second configured secret (rotation window)", async () => {
    expect((await receive(envelope("approved", fixtureOrder()), { "x-webhook-secret": "older-secret" })).status).toBe(
      200,
    );
  });

  it.each([
    ["missing", {}, "missing_secret"],
    ["wrong", { "x-webhook-secret": "nope" }, "wrong_secret"],
  ])("answers 401 for a %s secret, stores nothing of the body and counts it", async (_name, headers, reason) => {
    const req = new Request("http://local", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: "{}",
    });
    const result = await receiveDelivery(sql, req, { secrets: [SECRET], sourceAddress: "198.51.100.7" });
    expect(result.status).toBe(401);
    expect(await db.webhookDelivery.count()).toBe(0);
    expect(await db.verificationFailure.findMany({ select: { reason: true, sourceAddress: true } })).toEqual([
      { reason, sourceAddress: "198.51.100.7" },
    ]);
  });

  it("answers 415 for a non-JSON content type", async () => {
    expect((await receive("a=b", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
  });

  it("answers 413 above 256 KiB, whatever Content-Length says", async () => {
    const big = JSON.stringify(envelope("approved", fixtureOrder({ metadata: { pad: "x".repeat(300 * 1024) } })));
    const result = await receive(big, { "content-length": "10" });
    expect(result.status).toBe(413);
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("stores an invalid body with a good secret as rejected and answers 400", async () => {
    const result = await receive({ event: "approved", order: { id: "not-a-uuid" } });
    expect(result.status).toBe(400);
    expect(result.body.error).toContain("order.id");
    const [row] = await db.webhookDelivery.findMany();
    expect(row).toMatchObject({ status: "rejected", dedupeKey: null });
    expect(row!.rejectReason).toContain("order.id");
  });

  it("stores exactly one of 10 concurrent identical deliveries and processes it once", async () => {
    const body = envelope("approved", fixtureOrder());
    const results = await Promise.all(Array.from({ length: 10 }, () => receive(body)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    const [row] = await db.webhookDelivery.findMany();
    expect(await db.webhookDelivery.count()).toBe(1);
    expect(row!.duplicateCount).toBe(9);

    const runs = await Promise.all([1, 2, 3].map(() => processDeliveries(db, { trigger: "sweeper" })));
    expect(runs.reduce((n, r) => n + r.processed, 0)).toBe(1);
    expect(await db.deliveryAttempt.count()).toBe(1);
  });

  it("answers 503, not 2xx, when the database cannot store the delivery", async () => {
    const unreachable = createReceiverPool("postgres://postgres:x@127.0.0.1:1/none");
    const result = await receiveDelivery(unreachable, request(envelope("approved", fixtureOrder())), {
      secrets: [SECRET],
      sourceAddress: null,
    });
    expect(result.status).toBe(503);
    await unreachable.end();
  });
});

describe("projection", () => {
  const order = fixtureOrder({ type: "replacing", order_status: "new", total_price: 200 });
  const history: Array<[string, FixtureOrder]> = [
    ["authorized", later(order, 10, { order_status: "authorized" })],
    ["captured", later(order, 20, { order_status: "captured" })],
    [
      "shipping_status_updated",
      later(order, 30, { order_status: "captured", status: "ready_shipping", status_label: "جاهز للشحن" }),
    ],
    ["refunded", later(order, 40, { order_status: "partially_refunded", refund_amount: 50, refunded_total: 50 })],
    [
      "shipping_status_updated",
      later(order, 50, { order_status: "partially_refunded", status: "delivered", status_label: "Delivered" }),
    ],
    ["refunded", later(order, 60, { order_status: "partially_refunded", refund_amount: 30, refunded_total: 80 })],
  ];

  async function finalState() {
    const o = await db.order.findUniqueOrThrow({ where: { pointsUuid: order.id } });
    return {
      orderStatus: o.orderStatus,
      refunded: String((await loadRefundPosition(db, o)).refunded),
      shipping: [o.shippingStatus, o.shippingLabelAr, o.shippingLabelEn],
      updatedAt: o.pointsUpdatedAt.toISOString(),
    };
  }

  it("keeps the second partial refund and every shipping update", async () => {
    await deliverAll(history);
    expect(await db.webhookDelivery.count({ where: { pointsOrderUuid: order.id, status: "processed" } })).toBe(
      history.length,
    );
    expect(await finalState()).toEqual({
      orderStatus: "partially_refunded",
      refunded: "80",
      shipping: ["delivered", null, "Delivered"],
      updatedAt: history.at(-1)![1].updated_at,
    });
  });

  it("reaches the same final state whatever the arrival order", async () => {
    await deliverAll(history);
    const expected = await finalState();
    for (let round = 0; round < 5; round++) {
      await db.$executeRawUnsafe("TRUNCATE webhook_deliveries, delivery_attempts, orders CASCADE");
      const shuffled = [...history].sort(() => Math.random() - 0.5);
      await deliverAll(shuffled);
      expect(await finalState()).toEqual(expected);
    }
  });

  it("never lets an older snapshot overwrite a newer one, yet keeps it on the order's history", async () => {
    await deliverAll([history[5]!]);
    await deliverAll([history[0]!]);
    expect((await finalState()).orderStatus).toBe("partially_refunded");
    expect(await db.webhookDelivery.count({ where: { pointsOrderUuid: order.id } })).toBe(2);
  });

  it("changes nothing when the same delivery is processed twice (replay)", async () => {
    await deliverAll(history);
    const before = await db.order.findUniqueOrThrow({ where: { pointsUuid: order.id } });
    await db.webhookDelivery.updateMany({ data: { status: "pending" } });
    expect((await processDeliveries(db, { trigger: "replay" })).processed).toBe(history.length);
    const after = await db.order.findUniqueOrThrow({ where: { pointsUuid: order.id } });
    expect(after).toEqual(before);
  });
});

describe("two events of one order in the same second (whole-second updated_at)", () => {
  const base = fixtureOrder({ order_status: "approved", total_price: 200, updated_at: "2026-04-18T10:05:12Z" });
  const at = "2026-04-18T10:06:00Z";
  const partial = {
    ...base,
    order_status: "partially_refunded",
    updated_at: at,
    refund_amount: 50,
    refunded_total: 50,
  };
  const full = { ...base, order_status: "fully_refunded", updated_at: at, refund_amount: 150, refunded_total: 200 };
  // What the docs document: no refund figures at all.
  const { refund_amount: _a, refunded_total: _b, ...partialBare } = partial;
  const { refund_amount: _c, refunded_total: _d, ...fullBare } = full;
  const shipping = (status: string, label: string) => ({ ...base, updated_at: at, status, status_label: label });

  /** Stores every event (none may be taken for a repeat), applying them in one batch or one at a time. */
  async function deliver(events: Array<[string, FixtureOrder]>, path: "batch" | "one by one") {
    await deliverAll([["approved", base]]);
    for (const [event, order] of events) {
      expect((await receive(envelope(event, order))).body).toEqual({ ok: true, duplicate: false });
      if (path === "one by one") await processDeliveries(db, { trigger: "sweeper" });
    }
    if (path === "batch") await processDeliveries(db, { trigger: "sweeper" });
    expect(await db.webhookDelivery.count({ where: { status: "processed" } })).toBe(events.length + 1);
    return db.order.findUniqueOrThrow({ where: { pointsUuid: base.id } });
  }

  for (const path of ["batch", "one by one"] as const) {
    it.each([
      ["partial then full refund", [partial, full]],
      ["full then partial refund", [full, partial]],
    ])(`%s, applied ${path}: both kept, the full refund wins`, async (_name, [first, second]) => {
      const order = await deliver(
        [
          ["refunded", first!],
          ["refunded", second!],
        ],
        path,
      );
      expect(order.orderStatus).toBe("fully_refunded");
      expect(String((await loadRefundPosition(db, order)).refunded)).toBe("200");
    });

    it.each([
      ["partial then full refund", [partialBare, fullBare]],
      ["full then partial refund", [fullBare, partialBare]],
    ])(`%s without refund figures, applied ${path}: the full refund wins`, async (_name, [first, second]) => {
      const order = await deliver(
        [
          ["refunded", first!],
          ["refunded", second!],
        ],
        path,
      );
      expect(order.orderStatus).toBe("fully_refunded");
      expect(String((await loadRefundPosition(db, order)).refunded)).toBe("200");
    });

    it(`two partial refunds of different amounts, applied ${path}: both kept, the larger refunded total holds`, async () => {
      const second = { ...partial, refund_amount: 30, refunded_total: 80 };
      const order = await deliver(
        [
          ["refunded", second],
          ["refunded", partial],
        ],
        path,
      );
      expect(order.orderStatus).toBe("partially_refunded");
      expect(String((await loadRefundPosition(db, order)).refunded)).toBe("80");
    });

    it.each([
      ["ready_shipping then delivered", ["ready_shipping", "delivered"]],
      ["delivered then ready_shipping", ["delivered", "ready_shipping"]],
    ])(`shipping updates %s, applied ${path}: the later stage wins`, async (_name, statuses) => {
      const order = await deliver(
        statuses!.map((status): [string, FixtureOrder] => ["shipping_status_updated", shipping(status, status)]),
        path,
      );
      expect([order.shippingStatus, order.shippingLabelEn]).toEqual(["delivered", "delivered"]);
    });
  }

  it("a lone Arabic label keeps the English label of the same shipping state; a new state drops it", async () => {
    // As Points answers the update (custom_status, both languages), then its webhook (status_label only).
    const both = {
      ...shipping("delivery_is_in_progress", "خرج للتوصيل"),
      custom_status: { ar: "خرج للتوصيل", en: "Out for delivery" },
    } as FixtureOrder;
    const later = { ...shipping("delivered", "تم التوصيل"), updated_at: "2026-04-18T10:07:00Z" };
    const kept = await deliver(
      [
        ["shipping_status_updated", both],
        ["shipping_status_updated", shipping("delivery_is_in_progress", "خرج للتوصيل")],
      ],
      "one by one",
    );
    expect([kept.shippingLabelAr, kept.shippingLabelEn]).toEqual(["خرج للتوصيل", "Out for delivery"]);
    expect((await receive(envelope("shipping_status_updated", later))).body).toMatchObject({ ok: true });
    await processDeliveries(db, { trigger: "sweeper" });
    const moved = await db.order.findUniqueOrThrow({ where: { pointsUuid: base.id } });
    expect([moved.shippingStatus, moved.shippingLabelAr, moved.shippingLabelEn]).toEqual([
      "delivered",
      "تم التوصيل",
      null,
    ]);
  });
});

describe("queue", () => {
  it("the sweeper processes a delivery stored before a crash", async () => {
    await receive(envelope("approved", fixtureOrder()));
    // no after() ran: the process died between the store and the processing
    expect(await processDeliveries(db, { trigger: "sweeper" })).toEqual({
      processed: 1,
      failed: 0,
      dead: 0,
      superseded: 0,
    });
    expect(await db.order.count()).toBe(1);
  });

  it("takes back a delivery whose processor died mid-way once its lease expired", async () => {
    await receive(envelope("approved", fixtureOrder()));
    await db.webhookDelivery.updateMany({
      data: { status: "processing", lockedUntil: new Date(Date.now() - 1000), attempts: 1 },
    });
    expect((await processDeliveries(db, { trigger: "sweeper" })).processed).toBe(1);
  });

  it("leaves a delivery that is being processed (lease not expired) alone", async () => {
    await receive(envelope("approved", fixtureOrder()));
    await db.webhookDelivery.updateMany({ data: { status: "processing", lockedUntil: new Date(Date.now() + 60_000) } });
    expect((await processDeliveries(db, { trigger: "sweeper" })).processed).toBe(0);
  });

  it("a delivery the store refuses does not hold back the rest of its batch, and is dead-lettered at once", async () => {
    const good = [fixtureOrder(), fixtureOrder()];
    const poison = fixtureOrder({ order_number: "REFUSED-BY-THE-STORE" });
    // A limit of the store the envelope check does not know (as a numeric overflow was before it checked amounts).
    await db.$executeRawUnsafe(
      "ALTER TABLE orders ADD CONSTRAINT test_refuses CHECK (order_number <> 'REFUSED-BY-THE-STORE')",
    );
    try {
      for (const order of [good[0]!, poison, good[1]!]) await receive(envelope("approved", order));
      expect(await processDeliveries(db, { trigger: "sweeper" })).toEqual({
        processed: 2,
        failed: 0,
        dead: 1,
        superseded: 0,
      });
    } finally {
      await db.$executeRawUnsafe("ALTER TABLE orders DROP CONSTRAINT test_refuses");
    }
    expect(await db.order.count()).toBe(2);
    const dead = await db.webhookDelivery.findFirstOrThrow({ where: { status: "dead" } });
    expect(dead).toMatchObject({ pointsOrderUuid: poison.id, attempts: 1, nextAttemptAt: null });
    expect(dead.lastError).toMatch(/test_refuses/);
    // On the Webhooks page's dead filter, and the dead-letter alert fires.
    const page = await listDeliveries(db, { status: "dead" });
    expect(page.rows.map((r) => r.id)).toEqual([dead.id.toString()]);
    expect((await evaluateAlerts(db, { overdueMs: 60_000 })).fired).toContain("dead_letters");
  });

  it("dead-letters at once a stored body this version cannot read", async () => {
    await receive(envelope("approved", fixtureOrder()));
    await db.webhookDelivery.updateMany({ data: { rawBody: "{corrupt" } });
    expect(await processDeliveries(db, { trigger: "sweeper" })).toEqual({
      processed: 0,
      failed: 0,
      dead: 1,
      superseded: 0,
    });
    const row = await db.webhookDelivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row.lastError).toContain("no longer parses");
  });

  it("retries a delivery that fails for a passing reason with growing back-off, then dead-letters it", async () => {
    await receive(envelope("approved", fixtureOrder()));
    // The order store missing for a while (a deploy mid-migration): not the data's fault.
    await db.$executeRawUnsafe("ALTER TABLE orders RENAME TO orders_away");
    const delays: number[] = [];
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const summary = await processDeliveries(db, { trigger: "sweeper" });
        const row = await db.webhookDelivery.findFirstOrThrow();
        if (attempt < MAX_ATTEMPTS) {
          expect(summary.failed).toBe(1);
          expect(row.status).toBe("failed");
          delays.push(row.nextAttemptAt!.getTime() - Date.now());
          // not due yet: nothing happens
          expect((await processDeliveries(db, { trigger: "sweeper" })).failed).toBe(0);
          await db.webhookDelivery.updateMany({ data: { nextAttemptAt: new Date() } });
        } else {
          expect(summary.dead).toBe(1);
          expect(row.status).toBe("dead");
          expect(row.lastError).toContain("orders");
        }
      }
    } finally {
      await db.$executeRawUnsafe("ALTER TABLE orders_away RENAME TO orders");
    }
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(await db.deliveryAttempt.count({ where: { ok: false } })).toBe(MAX_ATTEMPTS);
  });
});
