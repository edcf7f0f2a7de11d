// The customer-facing page Points sends the shopper back to after checkout.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { simApi, simUrl } from "./helpers/sim";

async function control(request: APIRequestContext, path: string, data: unknown = {}) {
  const response = await request.post(`${simUrl()}/__control${path}`, { data });
  expect(response.status(), path).toBe(200);
  return response.json();
}

async function beginCheckout(request: APIRequestContext, orderNumber: string, total: number) {
  await simApi(request, "POST", "/orders/checkout/points-demo-public-key", {
    total_price: total,
    order_number: orderNumber,
    callback_url: `http://localhost/checkout/callback?order=${orderNumber}`,
  });
}

test.describe("checkout callback page", () => {
  test("is public, Arabic by default, and switches from pending to confirmed by itself", async ({ page, request }) => {
    const orderNumber = `CB-${Date.now()}`;
    await beginCheckout(request, orderNumber, 249.5);
    await page.goto(`/checkout/callback?order=${orderNumber}&points_status=whatever`);
    await expect(page.locator("main")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ما زلنا نؤكد طلبك");
    await expect(page.getByText(orderNumber)).toBeVisible();

    await control(request, `/checkout/${orderNumber}/pay`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تم تأكيد طلبك", { timeout: 15_000 });
    await expect(page.getByTestId("callback-amount")).toContainText("ر.س");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("main")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your order is confirmed");
    await expect(page.getByTestId("callback-amount")).toHaveText(/SAR\s?249\.50/);
  });

  test("asks Points when the order is known but its confirming webhook has not come", async ({ page, request }) => {
    const orderNumber = `CB2-${Date.now()}`;
    await beginCheckout(request, orderNumber, 80);
    const { order } = await control(request, `/checkout/${orderNumber}/pay`, { mode: "authorize" });
    await page.goto(`/checkout/callback?order=${orderNumber}&lang=en`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirming your order", { timeout: 15_000 });

    await control(request, "/webhooks/config", { paused: true });
    try {
      await simApi(request, "POST", `/orders/${order.uuid}/capture`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your order is confirmed", { timeout: 20_000 });
      const reads = await request.get(
        `${simUrl()}/__control/calls?method=GET&path=${encodeURIComponent(`/orders/${order.uuid}$`)}`,
      );
      expect(((await reads.json()) as { calls: unknown[] }).calls.length).toBeGreaterThan(0);
    } finally {
      await control(request, "/webhooks/config", { paused: false });
    }
  });

  test("an unknown order shows the friendly confirming state, not a 404", async ({ page }) => {
    const response = await page.goto("/checkout/callback?order=NO-SUCH-ORDER&lang=en");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We are still confirming your order");
    await expect(page.getByTestId("callback-amount")).toHaveCount(0);
  });

  test("a failed payment says so", async ({ page, request }) => {
    const orderNumber = `CB3-${Date.now()}`;
    await beginCheckout(request, orderNumber, 50);
    await control(request, `/checkout/${orderNumber}/abandon`, { reason: "Payment failed" });
    await page.goto(`/checkout/callback?order=${orderNumber}&lang=en`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The payment did not go through", {
      timeout: 15_000,
    });
  });
});
