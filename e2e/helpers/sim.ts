// Talks to the Points sandbox double the runner started (E2E_SIM_URL), as the
// merchant's backend or Points itself would.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { waitUntilHydrated } from "./hydration";

export const simUrl = () => {
  const url = process.env.E2E_SIM_URL;
  if (!url) throw new Error("E2E_SIM_URL is not set: run e2e through `npm test -- e2e`");
  return url;
};

export async function simApi(request: APIRequestContext, method: "GET" | "POST", path: string, data?: unknown) {
  const response = await request.fetch(`${simUrl()}/api/v1${path}`, {
    method,
    headers: { "x-api-key": "points-demo-private-key", "content-type": "application/json", accept: "application/json" },
    data,
  });
  expect(response.status(), `${method} ${path}`).toBe(200);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/** An earning order created at the double; Points then sends its `approved` webhook to the app. */
export async function createEarningOrder(request: APIRequestContext, orderNumber: string, total = 120) {
  return simApi(request, "POST", "/orders/earning", {
    phone_number: "512345678",
    total_price: total,
    order_number: orderNumber,
    products: [{ product_name: "Cappuccino", product_price: total, quantity: 1 }],
  });
}

let sequence = 0;

/** A checkout order the shopper paid at the double (→ approved); Points then sends its webhook to the app. */
export async function paidCheckoutAtPoints(request: APIRequestContext, prefix: string, total: number) {
  const orderNumber = `${prefix}-${Date.now()}-${++sequence}`;
  await simApi(request, "POST", "/orders/checkout/points-demo-public-key", {
    total_price: total,
    order_number: orderNumber,
    callback_url: "http://localhost/checkout/callback",
  });
  const paid = await request.post(`${simUrl()}/__control/checkout/${orderNumber}/pay`, { data: {} });
  expect(paid.status()).toBe(200);
  return ((await paid.json()) as { order: { uuid: string } }).order.uuid;
}

/** The order page exists once the webhook is processed. */
export async function openOrder(page: Page, uuid: string, timeout = 20_000) {
  await expect(async () => {
    await page.goto(`/orders/${uuid}`);
    await expect(page.getByTestId("order-status")).toHaveText("Approved", { timeout: 1_000 });
  }).toPass({ timeout });
  // Its buttons answer once the page has hydrated.
  await waitUntilHydrated(page);
}

/**
 * Switches the double's fidelity (lib/sim/fidelity.ts) through its control API, e.g.
 * `{ mode: "documented" }`; returns the switches it had, to put back afterwards.
 */
export async function setSimFidelity(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const before = (await (await fetch(`${simUrl()}/__control/fidelity`)).json()) as {
    fidelity: Record<string, unknown>;
  };
  const res = await fetch(`${simUrl()}/__control/fidelity`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status, "POST /__control/fidelity").toBe(200);
  return before.fidelity;
}

/** How many refund calls for this order reached the double. */
export async function refundCalls(request: APIRequestContext, uuid: string) {
  const response = await request.get(`${simUrl()}/__control/calls`, {
    params: { method: "POST", path: `/orders/${uuid}/refund$` },
  });
  return ((await response.json()) as { calls: unknown[] }).calls.length;
}
