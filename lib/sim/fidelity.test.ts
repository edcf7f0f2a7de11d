// The double's documented-only mode: answers and webhooks carry exactly the
// fields points-api.md documents, and each UNKNOWN can be switched on its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSim, type SimServer } from "./server";
import { call, SAMPLE_EARNING, startReceiver, type Receiver } from "./test-helpers";

let sim: SimServer;
let hook: Receiver;
const KEY = "points-demo-private-key";
const api = (path: string, body?: unknown) => call(`${sim.apiBaseUrl}${path}`, { key: KEY, body });
const control = (path: string, body?: unknown) =>
  call(`${sim.url}/__control${path}`, { method: body === undefined ? "GET" : "POST", body });

// points-api.md §3.1 and §4.2 (+ §4.3 extras).
const API_KEYS = [
  "id",
  "uuid",
  "reference_number",
  "order_status",
  "status_label",
  "custom_status",
  "order_number",
  "type",
  "total_price",
  "total_points",
  "metadata",
  "date",
  "time",
  "since",
  "settlement_status",
  "status",
  "created_at",
  "updated_at",
  "items",
].sort();
const WEBHOOK_KEYS = [
  "id",
  "reference_number",
  "order_number",
  "type",
  "total_price",
  "total_points",
  "payment_status",
  "order_status",
  "metadata",
  "created_at",
  "updated_at",
].sort();

beforeAll(async () => {
  hook = await startReceiver();
  sim = await startSim({ port: 0, webhookUrls: [hook.url], fidelity: "documented" });
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});
beforeEach(() => {
  sim.reset();
  hook.received.length = 0;
});

async function earning(orderNumber: string) {
  const r = await api("/orders/earning", { ...SAMPLE_EARNING, order_number: orderNumber });
  expect(r.status).toBe(200);
  return r.body.data as Record<string, unknown> & { uuid: string };
}

describe("documented mode (start option)", () => {
  it("answers the §3.1 resource only, with whole-second timestamps", async () => {
    const order = await earning("DOC-1");
    expect(Object.keys(order).sort()).toEqual(API_KEYS);
    expect(order.updated_at).toMatch(/T\d\d:\d\d:\d\d\.000Z$/);
    expect((await control("/fidelity")).body).toMatchObject({ mode: "documented" });
  });

  it("refund: empty answer, no refund figures anywhere; webhooks carry the §4.2 fields only", async () => {
    const { uuid } = await earning("DOC-2");
    const r = await api(`/orders/${uuid}/refund`, { amount: 15, reason: "x" });
    expect(r.body).toEqual({ status: true, message: "Order refunded", appended_data: {}, data: [] });
    await api(`/orders/${uuid}/cancel`, {}); // refused (already refunded): no webhook
    await api(`/orders/${uuid}/status`, { status: "delivered" });
    await sim.waitForIdle();
    const byEvent = Object.fromEntries(hook.received.map((d) => [d.event, d.body]));
    expect(Object.keys(byEvent.refunded!.order).sort()).toEqual(WEBHOOK_KEYS);
    expect(byEvent.refunded!.order.updated_at).toMatch(/T\d\d:\d\d:\d\dZ$/);
    expect(byEvent.refunded!.timestamp).toBe(byEvent.refunded!.order.updated_at);
    expect(Object.keys(byEvent.shipping_status_updated!.order).sort()).toEqual(
      [...WEBHOOK_KEYS, "status", "status_label"].sort(),
    );
  });
});

describe("switches (control API)", () => {
  it("back to extended: refund figures, extra keys, milliseconds and the order in action answers", async () => {
    await control("/fidelity", { mode: "extended" });
    const { uuid } = await earning("EXT-1");
    const r = await api(`/orders/${uuid}/refund`, { amount: 15 });
    expect(r.body.appended_data).toEqual({ refund_amount: 15, refunded_total: 15 });
    expect(r.body.data).toMatchObject({ uuid, shipping_status: null, payment_status: "fully_paid" });
    await sim.waitForIdle();
    expect(hook.received.find((d) => d.event === "refunded")!.body.order).toMatchObject({ refunded_total: 15 });
  });

  it("single switches on top of a mode: numeric shipping status, English label", async () => {
    const set = await control("/fidelity", { webhookShippingStatus: "numeric", statusLabel: "en" });
    expect(set.body).toMatchObject({ mode: "custom", fidelity: { refundExtras: false, statusLabel: "en" } });
    const { uuid } = await earning("SW-1");
    await api(`/orders/${uuid}/status`, { status: "delivered", name_ar: "تم التوصيل", name_en: "Delivered" });
    await sim.waitForIdle();
    const shipped = hook.received.find((d) => d.event === "shipping_status_updated")!.body.order;
    expect(shipped).toMatchObject({ status: 1, status_label: "Delivered" });
  });

  it("refuses an unknown switch value; reset returns to the start option", async () => {
    expect((await control("/fidelity", { actionBody: "sometimes" })).status).toBe(400);
    await control("/fidelity", { mode: "extended" });
    sim.reset();
    expect((await control("/fidelity")).body.mode).toBe("documented");
  });
});
