// The webhook pipeline fed by the sandbox double itself, in both of its modes:
// every event Points sends reaches our order store through the app's receiver
// (real HTTP, real PostgreSQL) and leaves it agreeing with Points.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { checkoutOrder, startHarness, type Harness } from "@/lib/points/test-helpers";
import { startAppReceiver, type AppReceiver } from "@/lib/testing/app-receiver";
import { describeEachSimMode } from "@/lib/testing/sim-modes";

describeEachSimMode("webhook pipeline from the double", (mode) => {
  let h: Harness;
  let app: AppReceiver;
  const KEY = "points-demo-private-key";

  beforeAll(async () => {
    h = await startHarness(`double_deliveries_${mode}`, mode);
    app = await startAppReceiver({ databaseUrl: h.databaseUrl, db: h.db, secrets: [h.sim.webhookSecret] });
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    await h.control("/webhooks/endpoints", { url: app.url });
  });

  const api = (path: string, body: unknown) =>
    fetch(`${h.sim.apiBaseUrl}${path}`, {
      method: "POST",
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then((r) => expect(r.status).toBe(200));

  async function settled() {
    await h.sim.waitForIdle();
    await expect
      .poll(() => h.db.webhookDelivery.count({ where: { status: { notIn: ["processed"] } } }), { timeout: 10_000 })
      .toBe(0);
  }

  const ours = (uuid: string) => h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } });

  it("checkout, authorize, capture, shipping, two refunds in one breath: our store ends where Points is", async () => {
    const uuid = await checkoutOrder(h, "DD-1", "authorize", 300);
    await api(`/orders/${uuid}/capture`, {});
    await api(`/orders/${uuid}/status`, { status: "delivery_is_in_progress", name_ar: "خرج للتوصيل", name_en: "Out" });
    // Within one second in documented mode: the same whole-second updated_at for several changes.
    await api(`/orders/${uuid}/refund`, { amount: 100 });
    await api(`/orders/${uuid}/refund`, {});
    await settled();
    expect(await ours(uuid)).toMatchObject({
      orderStatus: "fully_refunded",
      shippingStatus: "delivery_is_in_progress",
      shippingLabelAr: "خرج للتوصيل",
    });
    expect(await h.db.webhookDelivery.count({ where: { status: "processed" } })).toBeGreaterThanOrEqual(4);
  });

  it("cancel carries its reason; the order is cancelled here too", async () => {
    const uuid = await checkoutOrder(h, "DD-2", "approve", 80);
    await api(`/orders/${uuid}/cancel`, { reason: "out of stock" });
    await settled();
    expect((await ours(uuid)).orderStatus).toBe("cancelled");
  });

  it("a numeric `status` in the shipping webhook is not taken for the shipping enum", async () => {
    await h.control("/fidelity", { webhookShippingStatus: "numeric", statusLabel: "en" });
    const uuid = await checkoutOrder(h, "DD-3", "approve", 50);
    await api(`/orders/${uuid}/status`, { status: "ready_shipping" });
    await settled();
    await api(`/orders/${uuid}/status`, { name_en: "Handed to the carrier" });
    await settled();
    expect(await ours(uuid)).toMatchObject({ shippingStatus: null, shippingLabelEn: "Handed to the carrier" });
  });
});
