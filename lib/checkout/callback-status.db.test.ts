import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { recordAcceptedRefund } from "@/lib/refunds/refund-ledger";
import { getCallbackStatus } from "./callback-status";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("callback");
});
afterAll(() => h.close());

const fetchFromPoints = async (uuid: string) => snapshotFromApi(await h.client().getOrder(uuid));

async function checkout(total: number, mode: "approve" | "authorize") {
  const orderNumber = `CB-${randomUUID().slice(0, 8)}`;
  await h
    .client()
    .beginCheckout({ total_price: total, order_number: orderNumber, callback_url: "http://localhost/cb" });
  const { order } = await h.control<{ order: { uuid: string } }>(`/checkout/${orderNumber}/pay`, { mode });
  await applyOrderSnapshot(h.db, await fetchFromPoints(order.uuid));
  return { orderNumber, uuid: order.uuid };
}

const reveal = { revealAmounts: true };

describe("getCallbackStatus", () => {
  it("says not_found, without an amount, for an order we do not know", async () => {
    expect(await getCallbackStatus(h.db, "NOPE-1", { ...reveal, fetchFromPoints })).toEqual({
      orderNumber: "NOPE-1",
      state: "not_found",
    });
  });

  it("shows a settled order as confirmed, with its amount only when amounts may be shown", async () => {
    const { orderNumber } = await checkout(120.5, "approve");
    expect(await getCallbackStatus(h.db, orderNumber, reveal)).toEqual({
      orderNumber,
      state: "confirmed",
      amount: "120.50",
    });
    expect(await getCallbackStatus(h.db, orderNumber, { revealAmounts: false })).toEqual({
      orderNumber,
      state: "confirmed",
    });
  });

  it("tells a partial refund from a full one, with the refunded amount", async () => {
    const { orderNumber, uuid } = await checkout(400, "approve");
    await h.client().refund(uuid, { amount: 50 });
    await applyOrderSnapshot(h.db, await fetchFromPoints(uuid));
    // Points' GET may not say how much was refunded: then no figure rather than a wrong one.
    await h.db.refundLedgerEntry.updateMany({
      where: { orderUuid: uuid },
      data: { amount: null, reportedTotal: null },
    });
    expect(await getCallbackStatus(h.db, orderNumber, reveal)).toEqual({
      orderNumber,
      state: "partially_refunded",
      amount: "400.00",
    });
    // The refund ledger knows the amount otherwise: the refund was sent through points-ops (the
    // order page's figure too), though the order row says nothing of it.
    const seen = await h.db.refundLedgerEntry.findFirstOrThrow({ where: { orderUuid: uuid, source: "points" } });
    await recordAcceptedRefund(h.db, {
      intentId: randomUUID(),
      orderUuid: uuid,
      amount: 50,
      pointsUpdatedAt: seen.pointsUpdatedAt!.toISOString(),
    });
    expect(await getCallbackStatus(h.db, orderNumber, reveal)).toEqual({
      orderNumber,
      state: "partially_refunded",
      amount: "400.00",
      refundedAmount: "50.00",
    });
    expect(await getCallbackStatus(h.db, orderNumber, { revealAmounts: false })).toEqual({
      orderNumber,
      state: "partially_refunded",
    });
    await h.client().refund(uuid, { amount: 350 });
    await applyOrderSnapshot(h.db, await fetchFromPoints(uuid));
    expect(await getCallbackStatus(h.db, orderNumber, reveal)).toEqual({
      orderNumber,
      state: "refunded",
      amount: "400.00",
    });
  });

  it("asks Points for a pending order and stores what it learns", async () => {
    const { orderNumber, uuid } = await checkout(80, "authorize");
    expect((await getCallbackStatus(h.db, orderNumber, reveal)).state).toBe("pending");
    await h.client().capture(uuid);
    expect(await getCallbackStatus(h.db, orderNumber, { ...reveal, fetchFromPoints })).toMatchObject({
      state: "confirmed",
    });
    expect((await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).orderStatus).toBe("captured");
  });
});
