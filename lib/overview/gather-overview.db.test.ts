import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { applyOrderSnapshot, type OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { findJumpTargets } from "@/lib/palette/jump-targets";
import { gatherOverview } from "./gather-overview";
import { overviewWindows, riyadhLocalMinute } from "./windows";

let database: TestDatabase;
let db: Db;

// 10:00 in Riyadh: "today" began 10 h ago, the 24 h window reaches into yesterday.
const now = new Date("2026-12-01T07:00:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

const order = (n: number, orderStatus: string): OrderSnapshot => ({
  uuid: randomUUID(),
  orderNumber: `OV-${n}`,
  referenceNumber: `REF-OV-${n}`,
  type: "earning",
  orderStatus,
  paymentStatus: "fully_paid",
  totalPrice: 100,
  totalPoints: 10,
  metadata: null,
  createdAt: hoursAgo(30).toISOString(),
  // OV-1 and OV-2 changed today, OV-3 yesterday evening
  updatedAt: hoursAgo(n === 3 ? 12 : 2).toISOString(),
});
const orders = [order(1, "captured"), order(2, "captured"), order(3, "fully_refunded"), order(4, "weird_new_status")];

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "overview" });
  db = createDb(database.url);
  for (const o of orders) await applyOrderSnapshot(db, o);
  const delivery = (hours: number, status: "processed" | "failed" | "dead" | "pending") =>
    db.webhookDelivery.create({
      data: { rawBody: "{}", headers: {}, status, receivedAt: hoursAgo(hours), event: "order.captured" },
    });
  // today: 2 processed, 1 failed, 1 pending; yesterday within 24 h: 1 dead, 1 processed; older: 1 failed
  for (const [h, s] of [
    [1, "processed"],
    [2, "processed"],
    [3, "failed"],
    [0.5, "pending"],
    [12, "dead"],
    [20, "processed"],
    [30, "failed"],
  ] as const)
    await delivery(h, s);
  await db.verificationFailure.createMany({
    data: [
      { reason: "wrong_secret", receivedAt: hoursAgo(1) },
      { reason: "missing_secret", receivedAt: hoursAgo(15) },
      { reason: "wrong_secret", receivedAt: hoursAgo(40) },
    ],
  });
  const admin = await db.user.create({ data: { email: "a@test.local", name: "A", role: "admin" } });
  await db.actionIntent.create({
    data: {
      idempotencyKey: "k1",
      kind: "refund",
      orderUuid: orders[0]!.uuid,
      params: {},
      status: "pending_approval",
      requestedById: admin.id,
    },
  });
  await db.actionIntent.create({
    data: {
      idempotencyKey: "k2",
      kind: "refund",
      orderUuid: orders[1]!.uuid,
      params: {},
      status: "succeeded",
      requestedById: admin.id,
    },
  });
  const run = await db.reconcileRun.create({ data: { trigger: "cli", status: "completed" } });
  await db.reconcileDifference.createMany({
    data: [
      { runId: run.id, orderUuid: orders[0]!.uuid, field: "order_status", kind: "mismatch", status: "open" },
      { runId: run.id, orderUuid: orders[1]!.uuid, field: "order_status", kind: "mismatch", status: "healed" },
    ],
  });
  await db.alert.create({ data: { rule: "dead_letters", summary: "x", severity: "critical" } });
  await db.alert.create({ data: { rule: "points_5xx", summary: "y", state: "resolved" } });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("gatherOverview", () => {
  it("counts deliveries today and over the last 24 hours, failed verifications and the queue", async () => {
    const { ops } = await gatherOverview(db, "ops", now);
    expect(ops!.deliveries.windows.today).toEqual({ received: 4, failed: 1, dead: 0, verificationFailures: 1 });
    expect(ops!.deliveries.windows.last24h).toEqual({ received: 6, failed: 1, dead: 1, verificationFailures: 2 });
    expect(ops!.deliveries.queueDepth).toBe(1);
  });

  it("lists every order status in lifecycle order, unknown ones after, and today's changes", async () => {
    const { orders: figures } = await gatherOverview(db, "viewer", now);
    expect(figures.byStatus.slice(0, 7).map((s) => s.status)).toEqual([
      "new",
      "authorized",
      "captured",
      "approved",
      "partially_refunded",
      "fully_refunded",
      "cancelled",
    ]);
    expect(figures.byStatus.find((s) => s.status === "captured")!.count).toBe(2);
    expect(figures.byStatus.at(-1)).toEqual({ status: "weird_new_status", count: 1 });
    expect(figures.total).toBe(4);
    expect(figures.changedToday).toBe(3);
  });

  it("counts refunds awaiting approval and names their orders", async () => {
    const { orders: figures } = await gatherOverview(db, "support", now);
    expect(figures.refundsPending).toBe(1);
    expect(figures.pendingRefundOrders).toEqual([{ pointsUuid: orders[0]!.uuid, orderNumber: "OV-1" }]);
  });

  it("counts open differences and firing alerts for ops, and reads none of that for a viewer", async () => {
    const { ops } = await gatherOverview(db, "admin", now);
    expect(ops!.reconciliation).toEqual({ openDifferences: 1, openFlags: 0 });
    expect(ops!.alerts).toMatchObject({ count: 1, critical: 1 });
    expect(ops!.smoke).toBeNull();
    expect((await gatherOverview(db, "viewer", now)).ops).toBeNull();
  });
});

describe("overview windows", () => {
  it("start today at Riyadh midnight and give the delivery log's local-time filter", () => {
    const w = overviewWindows(now);
    expect(w.today.toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(riyadhLocalMinute(w.today)).toBe("2026-12-01T00:00");
    expect(riyadhLocalMinute(w.last24h)).toBe("2026-11-30T10:00");
  });
});

describe("findJumpTargets", () => {
  it("finds an order by number prefix, reference and uuid, and a delivery by id only when allowed", async () => {
    const byNumber = await findJumpTargets(db, "#OV-2", { deliveries: true });
    expect(byNumber.orders.map((o) => o.orderNumber)).toEqual(["OV-2"]);
    expect((await findJumpTargets(db, "REF-OV-3", { deliveries: false })).orders[0]!.orderNumber).toBe("OV-3");
    expect((await findJumpTargets(db, orders[3]!.uuid, { deliveries: false })).orders[0]!.orderNumber).toBe("OV-4");
    expect((await findJumpTargets(db, "OV-", { deliveries: false })).orders).toHaveLength(4);

    const first = await db.webhookDelivery.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect((await findJumpTargets(db, String(first.id), { deliveries: true })).deliveries).toEqual([
      { id: String(first.id), event: "order.captured", orderNumber: null, status: "processed" },
    ]);
    expect((await findJumpTargets(db, String(first.id), { deliveries: false })).deliveries).toEqual([]);
    expect(await findJumpTargets(db, "99999999999999999", { deliveries: true })).toEqual({
      orders: [],
      deliveries: [],
    });
  });
});
