// Alerting through the UI against the sandbox double: the double starts
// answering 500, a staff action calls it, and the alert appears on the Alerts
// page and in the header badge; once the double is healthy again and the
// errors leave the window, it resolves by itself.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./helpers/sign-in";
import { simApi, simUrl } from "./helpers/sim";
import { e2eDb } from "./helpers/staff-user";

const faults = (request: APIRequestContext, data: unknown) => request.post(`${simUrl()}/__control/faults`, { data });
const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: /Notifications/ }).getByText(text);
const badge = (page: Page) => page.getByTestId("firing-alerts-badge");
const firingRow = (page: Page) => page.getByTestId("alert-points_5xx").and(page.locator("[data-state=firing]"));

/** A checkout order the shopper paid at the double; the app knows it once its webhook is processed. */
async function paidOrder(request: APIRequestContext, page: Page): Promise<string> {
  const orderNumber = `E2E-ALERT-${Date.now()}`;
  await simApi(request, "POST", "/orders/checkout/points-demo-public-key", {
    total_price: 75,
    order_number: orderNumber,
    callback_url: "http://localhost/checkout/callback",
  });
  const paid = await request.post(`${simUrl()}/__control/checkout/${orderNumber}/pay`, { data: {} });
  expect(paid.status()).toBe(200);
  const uuid = ((await paid.json()) as { order: { uuid: string } }).order.uuid;
  await expect(async () => {
    await page.goto(`/orders/${uuid}`);
    await expect(page.getByTestId("order-status")).toHaveText("Approved", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return uuid;
}

/** Dates the order's Points calls two minutes back, as if the one-minute window had passed. */
async function leaveWindow(uuid: string) {
  const db = e2eDb();
  try {
    await db.$executeRaw`UPDATE points_api_calls SET created_at = created_at - interval '2 minutes' WHERE path LIKE ${`/orders/${uuid}%`}`;
  } finally {
    await db.$disconnect();
  }
}

async function setPoints5xxWindow(page: Page, minutes: string) {
  await page.goto("/settings/alerts");
  await page.getByRole("group", { name: "Points answers 5xx" }).getByLabel("Window (minutes)").fill(minutes);
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(toast(page, "Saved; the next evaluation uses the thresholds now shown.")).toBeVisible();
}

/** Clicks "Evaluate now" on the Alerts page until `check` passes. */
async function evaluateUntil(page: Page, check: () => Promise<void>, timeout: number) {
  await page.goto("/alerts");
  await expect(async () => {
    await page.getByRole("button", { name: "Evaluate now" }).click();
    await expect(toast(page, "Alerts evaluated").last()).toBeVisible({ timeout: 5_000 });
    await check();
  }).toPass({ timeout, intervals: [2_000, 5_000] });
}

test("an alert appears after the double starts answering 500, and resolves once it is healthy", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "admin");
  // A one-minute window, so that resolving takes one minute rather than the default ten.
  await setPoints5xxWindow(page, "1");
  try {
    await evaluateUntil(page, () => expect(firingRow(page)).toHaveCount(0, { timeout: 1_000 }), 90_000);
    await expect(badge(page)).toHaveCount(0);

    const uuid = await paidOrder(request, page);
    await faults(request, { status: 500, count: 20, paths: `^/orders/${uuid}` });
    await page.getByRole("button", { name: "Update shipping…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Status").selectOption("delivery_is_in_progress");
    await dialog.getByLabel("English label").fill("Out for delivery");
    await dialog.getByRole("button", { name: "Update shipping", exact: true }).click();
    // Whatever the action's outcome, it ends in a toast (by CSS: an open modal hides it from the
    // accessibility tree); by then its Points calls are logged.
    await expect(page.locator("li[data-state=open]").first()).toBeVisible({ timeout: 30_000 });

    await evaluateUntil(page, () => expect(firingRow(page)).toBeVisible({ timeout: 1_000 }), 30_000);
    await expect(firingRow(page)).toContainText(/Points answered 5xx (once|\d+ times) in the last 1 min/);
    await expect(firingRow(page)).toContainText("critical");
    await expect(firingRow(page)).toContainText("ALERT_WEBHOOK_URL is not set");
    await expect(badge(page)).toHaveAccessibleName(/^\d+ firing alerts?, \d+ critical$/);
    await expect(page.getByTestId("points-chart")).toContainText(/5xx: [1-9]/);

    // The badge is on every page, and leads back here.
    await page.goto("/orders");
    await badge(page).click();
    await expect(page).toHaveURL(/\/alerts$/);

    await faults(request, { reset: true });
    // The minute passes for the failed calls rather than for the suite: they are moved out of the window.
    await leaveWindow(uuid);
    await evaluateUntil(page, () => expect(firingRow(page)).toHaveCount(0, { timeout: 1_000 }), 150_000);
    await expect(page.getByTestId("alert-points_5xx").and(page.locator("[data-state=resolved]")).first()).toBeVisible();
  } finally {
    await faults(request, { reset: true });
    await page.goto("/settings/alerts");
    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await expect(toast(page, /defaults/)).toBeVisible();
  }
});

test("a bad threshold is refused next to its field and nothing is saved", async ({ page }) => {
  await signIn(page, "admin", "/settings/alerts");
  const spike = page.getByRole("group", { name: "Spike of 400, 403, 422 or 429" });
  await spike.getByLabel("Baseline before it (minutes)").fill("2");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  const baseline = spike.getByLabel("Baseline before it (minutes)");
  await expect(baseline).toHaveAttribute("aria-invalid", "true");
  await expect(baseline).toHaveAccessibleDescription(
    "must be longer than the spike window, or there is nothing to compare with",
  );
  await page.reload();
  await expect(spike.getByLabel("Baseline before it (minutes)")).toHaveValue("60");
});

test("support staff cannot open alerts, their count or their thresholds; strangers and cron callers without the secret get 401", async ({
  page,
  request,
}) => {
  expect((await request.get("/api/alerts/firing")).status()).toBe(401);
  expect((await request.get("/api/cron/alerts")).status()).toBe(401);
  await signIn(page, "support");
  await expect(badge(page)).toHaveCount(0);
  expect((await page.goto("/alerts"))?.status()).toBe(403);
  expect((await page.goto("/settings/alerts"))?.status()).toBe(403);
  expect((await page.request.get("/api/alerts/firing")).status()).toBe(403);
});
