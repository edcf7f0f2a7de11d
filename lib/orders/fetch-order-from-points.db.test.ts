// Bringing an order in by uuid, against the sandbox double (real HTTP) and a
// real PostgreSQL: what GET /orders/{uuid} returns lands in the store, with its
// line items, settlement status and date, and the timeline says who fetched it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { snapshotFromWebhook } from "@/lib/webhooks/snapshot-from-webhook";
import { applyOrderSnapshot } from "./apply-order-snapshot";
import { fetchOrderFromPoints } from "./fetch-order-from-points";
import { orderTimeline } from "@/lib/timeline/order-timeline";

let h: Harness;
let actorId: string;

beforeAll(async () => {
  h = await startHarness("fetch_order");
  actorId = (await h.db.user.create({ data: { email: "support@test.local", name: "Sam Support", role: "support" } }))
    .id;
});

afterAll(() => h.close());

beforeEach(() => h.reset());

/** A checkout the shopper never paid: Points sends no webhook for it, so only its uuid can bring it in. */
async function unsentCheckout() {
  const orderNumber = `FETCH-${randomUUID().slice(0, 8)}`;
  await h.client().beginCheckout({
    total_price: 57,
    order_number: orderNumber,
    callback_url: "http://localhost/cb",
    products: [
      { product_name: "Cappuccino", product_price: 18.5, quantity: 2 },
      { product_name: "Croissant", product_price: 20, quantity: 1 },
    ],
    metadata: { whatsapp: "+966 55 765 4321" },
  });
  return (await h.control<{ order: { uuid: string } }>(`/orders/by-number/${orderNumber}`)).order.uuid;
}

const fetchOrder = (uuid: string) => fetchOrderFromPoints({ db: h.db, client: h.client() }, actorId, uuid);

describe("fetchOrderFromPoints", () => {
  it("stores an order no webhook brought, with everything GET returns, and says so on its timeline", async () => {
    const uuid = await unsentCheckout();
    expect(await h.db.order.findUnique({ where: { pointsUuid: uuid } })).toBeNull();

    const result = await fetchOrder(uuid);
    expect(result).toMatchObject({ ok: true, orderUuid: uuid, created: true, message: "Order fetched from Points." });

    const order = await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } });
    expect(order).toMatchObject({ orderStatus: "new", type: "replacing", settlementStatus: "pending" });
    expect(order.items).toEqual([
      { product_name: "Cappuccino", product_price: 18.5, quantity: 2 },
      { product_name: "Croissant", product_price: 20, quantity: 1 },
    ]);
    expect(order.pointsDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00/);
    expect(order.pointsTime).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    // The merchant's metadata carried a WhatsApp number: the order is found by it.
    expect(order.phones).toEqual(["557654321"]);

    const timeline = await orderTimeline(h.db, await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } }));
    expect(timeline.find((e) => e.kind === "action")).toMatchObject({
      action: "order.fetched_from_points",
      actor: "Sam Support <support@test.local>",
      facts: { outcome: "succeeded" },
    });
    expect(timeline.find((e) => e.kind === "api_call")).toMatchObject({ method: "GET", status: 200 });
  });

  it("brings a known order up to date, adding the details its webhooks lacked", async () => {
    const uuid = await unsentCheckout();
    await h.control(`/checkout/${uuid}/pay`, {});
    const atPoints = await h.client().getOrder(uuid);
    // Our store holds the webhook's snapshot of the same moment: no items, no settlement.
    await applyOrderSnapshot(
      h.db,
      snapshotFromWebhook({
        event: "approved",
        timestamp: atPoints.updated_at,
        order: {
          id: uuid,
          reference_number: atPoints.reference_number,
          order_number: atPoints.order_number,
          type: "replacing",
          total_price: atPoints.total_price,
          total_points: atPoints.total_points,
          payment_status: "fully_paid",
          order_status: "approved",
          metadata: null,
          created_at: atPoints.created_at,
          updated_at: atPoints.updated_at,
        },
      } as never),
    );
    expect(await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).toMatchObject({
      items: null,
      settlementStatus: null,
    });

    expect(await fetchOrder(uuid)).toMatchObject({ ok: true, created: false });
    const order = await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } });
    expect(order.settlementStatus).toBe("settled");
    expect(order.items).toHaveLength(2);
    expect(await h.db.order.count({ where: { pointsUuid: uuid } })).toBe(1);
  });

  it("says plainly when Points does not know the uuid, stores nothing and audits the attempt", async () => {
    const uuid = randomUUID();
    const result = await fetchOrder(uuid);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining("Points does not know this uuid"),
      notice: { key: "Orders.fetch.unknownUuid" },
    });
    expect(await h.db.order.count({ where: { pointsUuid: uuid } })).toBe(0);
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { target: uuid } });
    expect(audit).toMatchObject({ action: "order.fetched_from_points", detail: { outcome: "failed" } });
  });
});
