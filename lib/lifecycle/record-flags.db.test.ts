// The lifecycle store against a real database: deliveries as the receiver
// stored them, flags raised once, cleared by a late webhook, kept closed once
// explained unless a different delivery breaks the rule.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder, type FixtureOrder } from "@/lib/testing/webhook-fixtures";
import { explainLifecycleFlag } from "@/lib/reconcile/explain-flag";
import { orderFlags } from "./list-flags";
import { CLEARED_NOTE, readHistories, recordLifecycleFlags } from "./record-flags";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase({ prefix: "lifecycle_flags" });
  db = createDb(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});
beforeEach(async () => {
  await db.$executeRawUnsafe("TRUNCATE webhook_deliveries, delivery_attempts, lifecycle_flags, audit_log");
});

/** Stores `event` for the order with its status, `minute` minutes after 10:00 Points time. */
function deliver(order: FixtureOrder, event: string, orderStatus: string, minute: number) {
  const updated = new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString();
  return storeDelivery(db, {
    event,
    status: "processed",
    order: { ...order, order_status: orderStatus, updated_at: updated },
  });
}

const flags = async (uuid: string) => (await orderFlags(db, uuid)).map((f) => [f.rule, f.status]);

describe("recordLifecycleFlags", () => {
  it("a legal history that arrived shuffled raises nothing; rejected bodies are not history", async () => {
    const order = fixtureOrder();
    await deliver(order, "refunded", "fully_refunded", 4);
    await deliver(order, "captured", "captured", 2);
    await deliver(order, "shipping_status_updated", "captured", 3);
    await deliver(order, "authorized", "authorized", 1);
    await storeDelivery(db, { rejectedBody: "{not json" });

    expect((await readHistories(db, [order.id])).get(order.id)).toHaveLength(4);
    expect(await recordLifecycleFlags(db, [order.id])).toEqual({ raised: 0, reopened: 0, cleared: 0 });
    expect(await db.lifecycleFlag.count()).toBe(0);
  });

  it("flags a breach once per order and rule, with what and where", async () => {
    const order = fixtureOrder();
    const captured = await deliver(order, "captured", "captured", 2);
    expect(await recordLifecycleFlags(db, [order.id])).toEqual({ raised: 1, reopened: 0, cleared: 0 });
    expect(await recordLifecycleFlags(db, [order.id])).toEqual({ raised: 0, reopened: 0, cleared: 0 });
    const [flag] = await orderFlags(db, order.id);
    expect(flag).toMatchObject({
      rule: "captured_without_authorized",
      status: "open",
      detail: {
        deliveryId: String(captured.id),
        event: "captured",
        orderStatus: "captured",
        from: "new",
        at: "2026-11-20T10:02:00.000Z",
      },
    });
  });

  it("the late `authorized` clears the flag; only the given orders are looked at", async () => {
    const order = fixtureOrder();
    const other = fixtureOrder();
    await deliver(order, "captured", "captured", 2);
    await deliver(other, "refunded", "partially_refunded", 2);
    await recordLifecycleFlags(db, [order.id]);
    expect(await flags(other.id)).toEqual([]);

    await deliver(order, "authorized", "authorized", 1);
    expect(await recordLifecycleFlags(db, [order.id])).toEqual({ raised: 0, reopened: 0, cleared: 1 });
    const [flag] = await orderFlags(db, order.id);
    expect(flag).toMatchObject({ status: "healed", note: CLEARED_NOTE });
    expect(flag!.resolvedAt).not.toBeNull();
  });

  it("an explained flag stays explained; a different delivery breaking the rule reopens it", async () => {
    const order = fixtureOrder();
    await deliver(order, "approved", "approved", 5);
    await deliver(order, "refunded", "fully_refunded", 6);
    await deliver(order, "refunded", "partially_refunded", 7);
    await recordLifecycleFlags(db, [order.id]);
    const [flag] = await orderFlags(db, order.id);
    expect(flag).toMatchObject({ rule: "change_after_final", status: "open" });

    expect(await explainLifecycleFlag(db, { id: BigInt(flag!.id), note: "  ", actorId: null })).toEqual({
      explained: false,
      reason: "note_required",
    });
    expect(
      await explainLifecycleFlag(db, {
        id: BigInt(flag!.id),
        note: "Points support confirmed a data fix",
        actorId: null,
      }),
    ).toEqual({ explained: true });
    expect(await explainLifecycleFlag(db, { id: BigInt(flag!.id), note: "again", actorId: null })).toEqual({
      explained: false,
      reason: "not_open",
    });
    expect(
      await db.auditLog.findMany({ where: { action: "lifecycle.explain" }, select: { target: true, detail: true } }),
    ).toEqual([
      {
        target: order.id,
        detail: { flag: flag!.id, rule: "change_after_final", note: "Points support confirmed a data fix" },
      },
    ]);

    await recordLifecycleFlags(db, [order.id]);
    expect(await flags(order.id)).toEqual([["change_after_final", "explained"]]);

    // An earlier breach of the same rule comes in: it is new evidence.
    await deliver(order, "cancelled", "cancelled", 1);
    await deliver(order, "approved", "approved", 2);
    expect(await recordLifecycleFlags(db, [order.id])).toMatchObject({ reopened: 1 });
    const [reopened] = await orderFlags(db, order.id);
    expect(reopened).toMatchObject({
      id: flag!.id,
      status: "open",
      note: null,
      resolvedAt: null,
      detail: { event: "approved", from: "cancelled" },
    });
  });
});
