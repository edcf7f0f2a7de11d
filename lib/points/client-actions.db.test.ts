// Happy paths of every client method against the sandbox double over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { checkoutOrder, SAMPLE_EARNING, startHarness, type Harness } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("points_actions");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe("order actions", () => {
  it("begins a checkout with the public key in the path and no x-api-key", async () => {
    const r = await h
      .client()
      .beginCheckout({ total_price: 50, order_number: "#CO-1", callback_url: "https://shop.test/cb" });
    expect(r).toMatchObject({ outcome: "applied", attempts: 1 });
    if (r.outcome === "unknown") throw r.error;
    expect(r.data.checkout_url).toMatch(/\/session\//);
    const [call] = await h.calls("POST", "^/orders/checkout/");
    expect(call!.api_key_present).toBe(false);
    const rows = await h.db.pointsApiCall.findMany();
    expect(rows.map((r) => r.path)).toEqual(["/orders/checkout/{publicKey}"]);
  });

  it("authorizes, captures and refunds partly then fully", async () => {
    const client = h.client();
    const uuid = await checkoutOrder(h, "CO-2", "none");
    expect(await client.authorize(uuid)).toMatchObject({ outcome: "applied", data: { order_status: "authorized" } });
    expect(await client.capture(uuid)).toMatchObject({ outcome: "applied", data: { order_status: "captured" } });
    const partial = await client.refund(uuid, { amount: 50, reason: "one item returned" });
    expect(partial).toMatchObject({
      outcome: "applied",
      data: { order_status: "partially_refunded" },
      appended: { refund_amount: 50, refunded_total: 50 },
    });
    const full = await client.refund(uuid, { reason: "customer returned the rest" });
    expect(full).toMatchObject({
      outcome: "applied",
      data: { order_status: "fully_refunded" },
      appended: { refunded_total: 200 },
    });
    // The refund took its before-state with a GET; every row is linked to the order.
    const rows = await h.db.pointsApiCall.findMany({ where: { orderUuid: uuid }, orderBy: { id: "asc" } });
    expect(rows.map((r) => `${r.method} ${r.path.replace(uuid, ":uuid")}`)).toEqual([
      "POST /orders/:uuid/authorize",
      "POST /orders/:uuid/capture",
      "GET /orders/:uuid",
      "POST /orders/:uuid/refund",
      "GET /orders/:uuid",
      "POST /orders/:uuid/refund",
    ]);
    expect(rows.every((r) => r.ok && r.status === 200 && r.attempt === 1)).toBe(true);
  });

  it("completes a paid checkout and cancels another with a reason", async () => {
    const client = h.client();
    const a = await checkoutOrder(h, "CO-3", "none");
    expect(await client.complete(a, { payment_method: "mada" })).toMatchObject({
      outcome: "applied",
      data: { order_status: "approved" },
    });
    const b = await checkoutOrder(h, "CO-4");
    const intentId = crypto.randomUUID();
    expect(await client.cancel(b, { reason: "out of stock" }, { intentId })).toMatchObject({
      outcome: "applied",
      data: { order_status: "cancelled" },
    });
    expect((await h.control(`/orders/${b}`)).order.cancel_reason).toBe("out of stock");
    expect(await h.db.pointsApiCall.count({ where: { intentId } })).toBe(1);
  });

  it("updates the shipping status, and the snapshot carries the labels into our order store", async () => {
    const client = h.client();
    const uuid = await checkoutOrder(h, "CO-5");
    const order = await client.updateShippingStatus(uuid, {
      status: "delivery_is_in_progress",
      name_ar: "خرج للتوصيل",
      name_en: "Out for delivery",
    });
    expect(order).toMatchObject({ custom_status: { ar: "خرج للتوصيل", en: "Out for delivery" } });
    await applyOrderSnapshot(h.db, snapshotFromApi(await client.getOrder(uuid)));
    const stored = await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } });
    expect(stored).toMatchObject({
      type: "replacing",
      orderStatus: "approved",
      orderNumber: "CO-5",
      shippingLabelAr: "خرج للتوصيل",
      shippingLabelEn: "Out for delivery",
    });
  });
});

describe("earning", () => {
  it("creates purchase, store-rating and product-rating earnings", async () => {
    const client = h.client();
    const purchase = await client.createEarningOrder(SAMPLE_EARNING);
    expect(purchase).toMatchObject({
      outcome: "applied",
      data: { type: 1, order_status: "approved", total_points: 1150 },
    });
    const store = await client.createStoreRatingOrder({
      phone_number: "512345678",
      review_reference: "REV-1",
      rating: 5,
    });
    expect(store).toMatchObject({ outcome: "applied", data: { total_points: 50 } });
    const product = await client.createProductRatingOrder({
      phone_number: "512345678",
      review_reference: "REV-1",
      product_id: "SKU-1",
    });
    expect(product).toMatchObject({ outcome: "applied", data: { total_points: 25 } });
  });

  it("passes a pending_client_activation answer through", async () => {
    const r = await h.client().createEarningOrder({ ...SAMPLE_EARNING, phone_number: "500000004" });
    expect(r).toMatchObject({ outcome: "applied", data: { pending_client_activation: true } });
  });
});

describe("webhooks and integration", () => {
  it("creates, lists, reads, updates and deletes an endpoint", async () => {
    const client = h.client();
    const created = await client.createWebhook({ name: "ops", url: "https://ops.test/hook" });
    if (created.outcome === "unknown") throw created.error;
    expect(created.data.secret).toMatch(/^whsec_/);
    const uuid = created.data.uuid;
    const list = await client.listWebhooks({ per_page: 10 });
    expect(list.items.map((e) => e.uuid)).toEqual([uuid]);
    expect(list.appended).toMatchObject({ meta: { per_page: 10, total: 1 } });
    expect(await client.getWebhook(uuid)).toMatchObject({ name: "ops" });
    expect(await client.updateWebhook(uuid, { name: "ops-2" })).toMatchObject({
      name: "ops-2",
      url: "https://ops.test/hook",
    });
    await client.deleteWebhook(uuid);
    expect((await client.listWebhooks()).items).toEqual([]);
  });

  it("toggles integration_active (the answer's appended_data is an array)", async () => {
    expect(await h.client().setIntegrationActive(false)).toEqual({ active: false });
    expect((await h.control("/merchant")).merchant.integrationActive).toBe(false);
    expect(await h.client().setIntegrationActive(true)).toEqual({ active: true });
  });
});
