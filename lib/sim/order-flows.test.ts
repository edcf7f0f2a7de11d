import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSim, type SimServer } from "./server";
import { call, SAMPLE_EARNING, startReceiver, type Receiver } from "./test-helpers";

let sim: SimServer;
let hook: Receiver;
const KEY = "points-demo-private-key";
const api = (path: string, body?: unknown, method?: string) =>
  call(`${sim.apiBaseUrl}${path}`, { key: KEY, body, method });
const control = (path: string, body?: unknown) =>
  call(`${sim.url}/__control${path}`, { method: body === undefined ? "GET" : "POST", body });

async function checkout(orderNumber: string, total = 200) {
  const r = await call(`${sim.apiBaseUrl}/orders/checkout/${sim.publicKey}`, {
    body: {
      total_price: total,
      order_number: orderNumber,
      phone_number: "0500000001",
      callback_url: "https://shop.test/cb?order=" + orderNumber,
    },
  });
  expect(r.status).toBe(200);
  return r.body.data.checkout_url as string;
}

beforeAll(async () => {
  hook = await startReceiver();
  sim = await startSim({ port: 0, webhookUrls: [hook.url], delivery: { retryDelaysMs: [20, 20] } });
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});
beforeEach(() => {
  sim.reset();
  hook.received.length = 0;
  hook.respond = () => 200;
});

describe("earning (E1)", () => {
  it("creates an approved earning order and delivers `approved` with the documented headers and envelope", async () => {
    const r = await api("/orders/earning", SAMPLE_EARNING);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: true, message: "", appended_data: {} });
    const order = r.body.data;
    expect(order).toMatchObject({
      type: 1,
      order_status: "approved",
      total_price: 115,
      total_points: 1150,
      order_number: SAMPLE_EARNING.order_number,
      items: SAMPLE_EARNING.products,
      settlement_status: "settled",
    });

    await sim.waitForIdle();
    expect(hook.received).toHaveLength(1);
    const [d] = hook.received;
    expect(d!.headers["content-type"]).toBe("application/json");
    expect(d!.headers["x-webhook-secret"]).toBe("points-demo-webhook-secret");
    expect(d!.headers["x-webhook-event"]).toBe("approved");
    expect(Object.keys(d!.body)).toEqual(["event", "order", "timestamp"]);
    expect(d!.body.order).toEqual({
      id: order.uuid,
      reference_number: order.reference_number,
      order_number: order.order_number,
      type: "earning",
      total_price: 115,
      total_points: 1150,
      payment_status: "fully_paid",
      order_status: "approved",
      metadata: SAMPLE_EARNING.metadata,
      created_at: order.created_at,
      updated_at: order.updated_at,
    });
    expect((await api(`/orders/${order.uuid}`)).body.data).toMatchObject({
      uuid: order.uuid,
      order_status: "approved",
    });
  });

  it("queues a pending_client_activation earning and approves it on activation", async () => {
    const r = await api("/orders/earning", { ...SAMPLE_EARNING, phone_number: "500000004" });
    expect(r.body.data).toMatchObject({ pending_client_activation: true, order_number: SAMPLE_EARNING.order_number });
    expect(r.body.data.uuid).toBeUndefined();
    const { order } = (await control(`/orders/by-number/${SAMPLE_EARNING.order_number}`)).body;
    await control(`/orders/${order.uuid}/activate`, {});
    await sim.waitForIdle();
    expect(hook.received.map((x) => x.event)).toEqual(["approved"]);
  });

  it("awards flat points for store and product ratings", async () => {
    const s = await api("/orders/earning/store-rating", {
      phone_number: "512345678",
      review_reference: "REV-1",
      rating: 5,
    });
    expect(s.body.data).toMatchObject({ type: 1, order_status: "approved", total_points: 50, order_number: "REV-1" });
    const p = await api("/orders/earning/product-rating", {
      phone_number: "512345678",
      review_reference: "REV-1",
      rating: 4,
      product_id: "SKU-1",
    });
    expect(p.body.data.total_points).toBe(25);
    expect(
      (await api("/orders/earning/store-rating", { phone_number: "512345678", review_reference: "REV-1" })).status,
    ).toBe(422);
  });
});

describe("checkout (E4) and the hosted session", () => {
  it("pay through the session page → approved webhook and redirect to callback_url", async () => {
    const url = await checkout("ORD-1");
    expect(url).toMatch(new RegExp(`^${sim.url}/session/[0-9a-f]+$`));
    const page = await fetch(url);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("ORD-1");
    expect(html).toContain(">Pay<");
    expect(html).toContain(">Abandon<");

    const res = await fetch(`${url}/pay`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(res.status).toBe(303);
    const loc = new URL(res.headers.get("location")!);
    expect(loc.origin + loc.pathname).toBe("https://shop.test/cb");
    expect(loc.searchParams.get("order")).toBe("ORD-1");
    expect(loc.searchParams.get("points_status")).toBe("approved");

    await sim.waitForIdle();
    expect(hook.received.map((x) => [x.event, x.body.order.type, x.body.order.order_status])).toEqual([
      ["approved", "replacing", "approved"],
    ]);
    expect(hook.received[0]!.body.order.id).toBe(loc.searchParams.get("points_order_id"));
  });

  it("abandon via the control API → cancelled with a reason; complete → completed", async () => {
    await checkout("ORD-2");
    const ab = await control("/checkout/ORD-2/abandon", {});
    expect(ab.body.order.order_status).toBe("cancelled");
    expect(ab.body.redirect_to).toContain("points_status=cancelled");

    await checkout("ORD-3");
    const { order } = (await control("/orders/by-number/ORD-3")).body;
    const done = await api(`/orders/${order.uuid}/complete`, { payment_method: "mada" });
    expect(done.body.data.order_status).toBe("approved");
    expect((await api(`/orders/${order.uuid}/complete`, {})).status).toBe(422);
    await sim.waitForIdle();
    const events = hook.received.map((x) => x.event);
    expect(events).toEqual(["cancelled", "completed"]);
    expect(hook.received[0]!.body.order.reason).toBe("Checkout abandoned by customer");
  });

  it("authorize → capture, with transitions refused outside the matrix", async () => {
    await checkout("ORD-4");
    const { order } = (await control("/orders/by-number/ORD-4")).body;
    expect((await api(`/orders/${order.uuid}/capture`, {})).status).toBe(422);
    expect((await api(`/orders/${order.uuid}/authorize`, {})).body.data.order_status).toBe("authorized");
    const again = await api(`/orders/${order.uuid}/authorize`, {});
    expect(again.status).toBe(422);
    expect(again.body.message).toBe("Order cannot be authorized while its status is authorized.");
    expect((await api(`/orders/${order.uuid}/capture`, {})).body.data.order_status).toBe("captured");
    await sim.waitForIdle();
    expect(hook.received.map((x) => x.event)).toEqual(["authorized", "captured"]);
  });
});

describe("refunds, cancel and shipping", () => {
  it("partial then full refund; refunded webhooks carry refund_amount and refunded_total", async () => {
    const order = (await api("/orders/earning", SAMPLE_EARNING)).body.data;
    const part = await api(`/orders/${order.uuid}/refund`, { amount: 15, reason: "one item returned" });
    expect(part.body.data.order_status).toBe("partially_refunded");
    expect(part.body.appended_data).toEqual({ refund_amount: 15, refunded_total: 15 });
    expect((await api(`/orders/${order.uuid}/refund`, { amount: 100.01 })).status).toBe(422);
    const rest = await api(`/orders/${order.uuid}/refund`, {});
    expect(rest.body.data.order_status).toBe("fully_refunded");
    expect((await api(`/orders/${order.uuid}/refund`, {})).status).toBe(422);
    await sim.waitForIdle();
    const refunds = hook.received.filter((x) => x.event === "refunded").map((x) => x.body.order);
    expect(refunds.map((o) => [o.order_status, o.refund_amount, o.refunded_total])).toEqual([
      ["partially_refunded", 15, 15],
      ["fully_refunded", 100, 115],
    ]);
    expect(refunds[1]!.updated_at > refunds[0]!.updated_at).toBe(true);
  });

  it("refuses to refund a cancelled order and to cancel twice", async () => {
    const order = (await api("/orders/earning", SAMPLE_EARNING)).body.data;
    const c = await api(`/orders/${order.uuid}/cancel`, {});
    expect(c.body.data.order_status).toBe("cancelled");
    const r = await api(`/orders/${order.uuid}/refund`, {});
    expect(r.status).toBe(422);
    expect(r.body.message).toBe("Order cannot be refunded while its status is cancelled.");
    expect((await api(`/orders/${order.uuid}/cancel`, {})).status).toBe(422);
    await sim.waitForIdle();
    expect(hook.received.find((x) => x.event === "cancelled")!.body.order.reason).toBe("Order cancelled via API");
  });

  it("auto-refund fires auto_refunded on a replacing order", async () => {
    await checkout("ORD-5", 50);
    await control("/checkout/ORD-5/pay", {});
    const { order } = (await control("/orders/by-number/ORD-5")).body;
    const r = await control(`/orders/${order.uuid}/auto-refund`, {});
    expect(r.body.order.order_status).toBe("fully_refunded");
    await sim.waitForIdle();
    expect(hook.received.at(-1)!.body.order).toMatchObject({
      order_status: "fully_refunded",
      refund_amount: 50,
      refunded_total: 50,
    });
  });

  it("shipping status: enum + labels, fake translation, strictly increasing updated_at", async () => {
    const order = (await api("/orders/earning", SAMPLE_EARNING)).body.data;
    const a = await api(`/orders/${order.uuid}/status`, { status: "delivery_is_in_progress", name_ar: "خرج للتوصيل" });
    expect(a.body.data).toMatchObject({
      shipping_status: "delivery_is_in_progress",
      status_label: "خرج للتوصيل",
      custom_status: { ar: "خرج للتوصيل", en: "EN: خرج للتوصيل" },
    });
    const b = await api(`/orders/${order.uuid}/status`, { status: "delivered" });
    expect(b.body.data.custom_status).toEqual({ ar: "تم التوصيل", en: "Delivered" });
    await sim.waitForIdle();
    const updates = hook.received.filter((x) => x.event === "shipping_status_updated").map((x) => x.body.order);
    expect(updates.map((o) => [o.status, o.status_label])).toEqual([
      ["delivery_is_in_progress", "خرج للتوصيل"],
      ["delivered", "تم التوصيل"],
    ]);
    const stamps = hook.received.map((x) => x.body.order.updated_at);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});

describe("webhook management (W1–W5)", () => {
  it("creates, lists, reads, updates and deletes endpoints", async () => {
    const c = await api("/webhooks", { name: "prod", url: "https://shop.test/hook" });
    expect(c.body.data).toMatchObject({ merchant_id: 1, name: "prod", url: "https://shop.test/hook" });
    expect(c.body.data.secret).toMatch(/^whsec_/);
    expect((await api("/webhooks", { name: "dup", url: "https://shop.test/hook" })).status).toBe(422);
    const list = await api("/webhooks?per_page=1");
    expect(list.body.data).toHaveLength(1);
    expect(list.body.appended_data.meta).toMatchObject({ total: 2, per_page: 1, last_page: 2 });
    const u = await api(`/webhooks/${c.body.data.uuid}`, { name: "renamed" }, "PATCH");
    expect(u.body.data.name).toBe("renamed");
    expect((await api(`/webhooks/${c.body.data.uuid}`)).body.data.secret).toBeUndefined();
    expect((await api(`/webhooks/${c.body.data.uuid}`, undefined, "DELETE")).status).toBe(200);
    expect((await api(`/webhooks/${c.body.data.uuid}`)).status).toBe(404);
  });
});
