import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { snapshotFromApi } from "@/lib/points/snapshot-from-api";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
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

describe("getCallbackStatus", () => {
  it("says only pending, without an amount, for an order we do not know", async () => {
    expect(await getCallbackStatus(h.db, "NOPE-1", fetchFromPoints)).toEqual({
      orderNumber: "NOPE-1",
      state: "pending",
    });
  });

  it("shows a settled order as confirmed with its amount", async () => {
    const { orderNumber } = await checkout(120.5, "approve");
    expect(await getCallbackStatus(h.db, orderNumber)).toEqual({ orderNumber, state: "confirmed", amount: "120.50" });
  });

  it("asks Points for a pending order and stores what it learns", async () => {
    const { orderNumber, uuid } = await checkout(80, "authorize");
    expect((await getCallbackStatus(h.db, orderNumber)).state).toBe("pending");
    await h.client().capture(uuid);
    expect(await getCallbackStatus(h.db, orderNumber, fetchFromPoints)).toMatchObject({ state: "confirmed" });
    expect((await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).orderStatus).toBe("captured");
  });
});
