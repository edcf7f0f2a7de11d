// Order search: exact identifiers (with # and spaces), prefixes, filters in the URL.
import { expect, test, type Page } from "@playwright/test";
import { envelope, fixtureOrder, type FixtureOrder } from "../lib/testing/webhook-fixtures";
import { signIn } from "./helpers/sign-in";

const SECRET = "points-demo-webhook-secret";
const run = `SRCH-${Date.now()}`;

const orders = {
  a1: fixtureOrder({
    order_number: `${run}-A1`,
    reference_number: `REF-${run}-A1`,
    type: "earning",
    order_status: "approved",
  }),
  a2: fixtureOrder({
    order_number: `${run}-A2`,
    reference_number: `REF-${run}-A2`,
    type: "replacing",
    order_status: "cancelled",
  }),
  b1: fixtureOrder({ order_number: `${run}-B1`, reference_number: null, type: "replacing", order_status: "approved" }),
};

async function postWebhook(page: Page, order: FixtureOrder) {
  const event = order.order_status === "cancelled" ? "cancelled" : "approved";
  const response = await page.request.post("/api/webhooks/points", {
    headers: { "X-Webhook-Secret": SECRET, "Content-Type": "application/json" },
    data: envelope(event, order),
  });
  expect(response.status()).toBe(200);
}

const rows = (page: Page) => page.getByTestId("order-row");
const searchBox = (page: Page) => page.getByLabel("Order number, reference or Points uuid");

async function searchFor(page: Page, term: string) {
  await searchBox(page).fill(term);
  await searchBox(page).press("Enter");
  await expect(page).toHaveURL(
    new RegExp(`[?&]q=${encodeURIComponent(term.trim()).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  );
}

async function expectOnly(page: Page, order: FixtureOrder) {
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByRole("link", { name: order.order_number })).toHaveAttribute(
    "href",
    `/orders/${order.id}`,
  );
  const exact = page.getByTestId("exact-match");
  await expect(exact).toContainText(order.order_number);
  await expect(exact.getByRole("link", { name: "Open order" })).toHaveAttribute("href", `/orders/${order.id}`);
}

test("support finds orders by identifier and prefix, and filters land in the URL", async ({ page }) => {
  await signIn(page, "support");
  for (const order of Object.values(orders)) await postWebhook(page, order);

  // Webhooks are processed after the 200; wait until all three orders are stored.
  await expect(async () => {
    await page.goto(`/orders?q=${run}`);
    await expect(rows(page)).toHaveCount(3, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await page.goto("/orders");
  await searchFor(page, orders.a1.order_number);
  await expectOnly(page, orders.a1);

  await searchFor(page, `  #${orders.a2.order_number} `);
  await expectOnly(page, orders.a2);

  await searchFor(page, orders.a1.reference_number!);
  await expectOnly(page, orders.a1);

  await searchFor(page, orders.b1.id.toUpperCase());
  await expectOnly(page, orders.b1);

  await searchFor(page, `${run}-A`);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("exact-match")).toHaveCount(0);

  await page.getByLabel("Status").selectOption("cancelled");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]status=cancelled(&|$)/);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${run}-A(&|$)`));
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(orders.a2.order_number);

  // The URL alone reproduces the view, so it can be shared.
  await page.goto(`/orders?q=${run}&type=earning`);
  await expect(page.getByLabel("Type")).toHaveValue("earning");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(orders.a1.order_number);

  const unknownUuid = crypto.randomUUID();
  await page.goto(`/orders?q=${unknownUuid}`);
  // exact: the route announcer may echo the heading while the page streams in
  await expect(page.getByText(`No orders match “${unknownUuid}”`, { exact: true }).first()).toBeVisible();
});

// Each server render a page asks for as it loads is in the way of what the person does next; the filter bar's
// Clear link, in view on every filtered list, used to be prefetched: a render of the whole unfiltered list.
test("a filtered order list asks the server for no other page as it loads", async ({ page }) => {
  await signIn(page, "support");
  const renders: string[] = [];
  page.on("request", (request) => {
    // Only what the filtered list asks for: the overview that signing in lands on prefetches its figures' links
    // (/orders?status=…), and on a busy machine some of those leave after signIn returns.
    if (request.headers()["rsc"] === "1" && new URL(page.url()).pathname === "/orders")
      renders.push(new URL(request.url()).pathname);
  });
  await page.goto(`/orders?q=${run}`);
  await expect(page.getByRole("link", { name: "Clear", exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(renders).toEqual([]);
});
