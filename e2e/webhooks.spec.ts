// The webhook delivery log: live rows, replay, filters in the URL, role gate.
import { expect, test, type Page } from "@playwright/test";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { signIn } from "./helpers/sign-in";
import { createEarningOrder } from "./helpers/sim";

const SECRET = "points-demo-webhook-secret";

async function postDelivery(page: Page, order = fixtureOrder()) {
  const response = await page.request.post("/api/webhooks/points", {
    headers: { "X-Webhook-Secret": SECRET, "Content-Type": "application/json" },
    data: envelope("approved", order),
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, duplicate: false });
  // proxy.ts skips the receiver, which sets the non-page policy itself, on either server.
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  return order;
}

const rowFor = (page: Page, orderNumber: string) => page.getByTestId("delivery-row").filter({ hasText: orderNumber });

test.describe("webhook delivery log", () => {
  test("a viewer gets the 403 page", async ({ page }) => {
    await signIn(page, "viewer", "/webhooks");
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });

  test("shows a new delivery live, replays it, and filters by order number", async ({ page }) => {
    await signIn(page, "ops", "/webhooks");
    await expect(page.getByTestId("live-state")).toHaveText("Live");
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

    const order = await postDelivery(page);
    const row = rowFor(page, order.order_number);
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row.getByTestId("delivery-status")).toHaveText("processed");
    expect(navigations).toEqual([]);

    await row.getByRole("button", { name: /^Replay/ }).click();
    await expect(page.getByText(/replayed/).first()).toBeVisible();
    await expect(row.getByTestId("delivery-status")).toHaveText("processed");
    await expect(row.getByRole("cell").nth(5)).toHaveText("2");

    // Another delivery, so the filters have something to leave out.
    const other = await postDelivery(page);
    await expect(rowFor(page, other.order_number)).toBeVisible();

    await page.goto(`/webhooks?q=${order.order_number}`);
    await expect(page.getByTestId("delivery-row")).toHaveCount(1);
    await expect(rowFor(page, order.order_number)).toBeVisible();

    await page.goto("/webhooks");
    await page.getByLabel("Order number or Points uuid").fill(other.order_number);
    await page.getByLabel("Order number or Points uuid").press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${other.order_number}`));
    await expect(page.getByTestId("delivery-row")).toHaveCount(1);
    await expect(rowFor(page, other.order_number)).toBeVisible();

    // Search by the Points uuid too, and a live row that does not match stays out.
    await page.goto(`/webhooks?q=${order.id}`);
    await expect(page.getByTestId("live-state")).toHaveText("Live");
    const unrelated = await postDelivery(page);
    await expect(page.getByTestId("delivery-row")).toHaveCount(1);
    await expect(rowFor(page, unrelated.order_number)).toHaveCount(0);
  });

  test("a delivery sent by the Points double appears in the open page without reload", async ({ page }) => {
    await signIn(page, "ops", "/webhooks");
    await expect(page.getByTestId("live-state")).toHaveText("Live");
    const orderNumber = `E2E-SIM-${Date.now()}`;
    await createEarningOrder(page.request, orderNumber);
    const row = rowFor(page, orderNumber);
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row).toContainText("approved");
    await expect(row.getByTestId("delivery-status")).toHaveText("processed");
  });

  test("pause holds new rows back until resumed", async ({ page }) => {
    await signIn(page, "ops", "/webhooks");
    await expect(page.getByTestId("live-state")).toHaveText("Live");
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByTestId("live-state")).toHaveText("Paused");

    const order = await postDelivery(page);
    await page.waitForTimeout(1_500);
    await expect(rowFor(page, order.order_number)).toHaveCount(0);

    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByTestId("live-state")).toHaveText("Live");
    await expect(rowFor(page, order.order_number)).toBeVisible();
  });

  test("the payload viewer shows the body and attempts, and replays", async ({ page }) => {
    await signIn(page, "ops");
    const order = await postDelivery(page);
    await page.goto(`/webhooks?q=${order.order_number}`);
    await rowFor(page, order.order_number).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/webhooks\/\d+$/);
    await expect(page.getByTestId("delivery-body")).toContainText(`"order_number": "${order.order_number}"`);
    await expect(page.getByRole("link", { name: order.order_number })).toHaveAttribute("href", `/orders/${order.id}`);
    await expect(page.getByTestId("delivery-attempt")).toHaveCount(1);

    await page.getByRole("button", { name: /^Replay/ }).click();
    await expect(page.getByText(/replayed/).first()).toBeVisible();
    await expect(page.getByTestId("delivery-attempt")).toHaveCount(2);
    await expect(page.getByTestId("delivery-attempt").first()).toContainText("replay");
  });

  test("bulk replay asks with the count, then shows progress to the end", async ({ page }) => {
    await signIn(page, "ops");
    const order = await postDelivery(page);
    await page.goto(`/webhooks?q=${order.order_number}`);
    await page.getByRole("button", { name: "Replay all matching…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading")).toHaveText("Replay 1 delivery?");
    await dialog.getByRole("button", { name: "Replay 1" }).click();
    await expect(page.getByText("Replayed 1 delivery", { exact: true })).toBeVisible();
    await expect(dialog).toBeHidden();
  });

  test("a rejected delivery says it cannot be replayed", async ({ page }) => {
    await signIn(page, "ops");
    const response = await page.request.post("/api/webhooks/points", {
      headers: { "X-Webhook-Secret": SECRET, "Content-Type": "application/json" },
      data: { event: "paid now!", order: {} },
    });
    expect(response.status()).toBe(400);
    await page.goto("/webhooks?status=rejected");
    await page.getByTestId("delivery-row").first().getByRole("link").first().click();
    await expect(page.getByTestId("replay-blocked")).toContainText("nothing to replay");
    await expect(page.getByTestId("delivery-error")).toContainText("event must be an event name");
  });

  test("an event the app does not know is acknowledged, listed as unsupported and says it is still unsupported", async ({
    page,
  }) => {
    await signIn(page, "ops");
    const order = fixtureOrder();
    const response = await page.request.post("/api/webhooks/points", {
      headers: { "X-Webhook-Secret": SECRET, "Content-Type": "application/json" },
      data: envelope("points_transferred", order),
    });
    expect(response.status()).toBe(200);
    await page.goto(`/webhooks?status=unsupported&q=${order.order_number}`);
    const row = page.getByTestId("delivery-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("delivery-status")).toHaveText("unsupported");
    await row.getByRole("link").first().click();
    await expect(page.getByTestId("replay-blocked")).toContainText("Still unsupported");
  });
});
