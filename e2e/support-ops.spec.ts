// What support and ops do beyond refunds and cancels, through the UI against
// the sandbox double: bring an order in by uuid, decide two-person refunds in
// the approvals inbox, authorize/capture/complete (with the payment method),
// award points by hand and send a payment link.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers/sign-in";
import { ensureSecondAdmin, SECOND_ADMIN, signInAs } from "./helpers/staff";
import { openOrder, paidCheckoutAtPoints, simApi, simUrl } from "./helpers/sim";

test.beforeAll(ensureSecondAdmin);
// Each test signs in and walks several pages and Points calls; on a loaded machine that outgrows the default budget.
test.beforeEach(() => test.slow());

let sequence = 0;
const uniqueNumber = (prefix: string) => `${prefix}-${Date.now()}-${++sequence}`;

/** A checkout the shopper never paid: Points sends no webhook, so the dashboard does not know it. */
async function unsentCheckout(request: APIRequestContext) {
  const orderNumber = uniqueNumber("E2E-UNSENT");
  await simApi(request, "POST", "/orders/checkout/points-demo-public-key", {
    total_price: 75,
    order_number: orderNumber,
    callback_url: "http://localhost/checkout/callback",
    products: [{ product_name: "Dates box", product_price: 37.5, quantity: 2 }],
  });
  const response = await request.get(`${simUrl()}/__control/orders/by-number/${orderNumber}`);
  const { order } = (await response.json()) as { order: { uuid: string } };
  return { uuid: order.uuid, orderNumber };
}

async function simOrder(request: APIRequestContext, uuid: string) {
  const response = await request.get(`${simUrl()}/__control/orders/${uuid}`);
  return ((await response.json()) as { order: Record<string, unknown> }).order;
}

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: /Notifications/ }).getByText(text);

async function fetchFromPoints(page: Page, uuid: string) {
  await page.goto(`/orders/${uuid}`);
  await expect(page.getByText("Points has not sent this order")).toBeVisible();
  await page.getByRole("button", { name: "Fetch from Points" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("New");
}

async function confirmAction(page: Page, trigger: string, submit: string) {
  await page.getByRole("button", { name: trigger }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: submit }).click();
  await expect(dialog).toBeHidden();
}

test.describe("bring an order in by uuid", () => {
  test("support finds no order for a pasted uuid, fetches it from Points and sees everything GET returns", async ({
    page,
    request,
  }) => {
    const { uuid, orderNumber } = await unsentCheckout(request);
    await signIn(page, "support", "/orders");
    await page.getByRole("searchbox").fill(` ${uuid.toUpperCase()} `);
    await page.getByRole("searchbox").press("Enter");
    await expect(page.getByText(`No orders match “${uuid.toUpperCase()}”`).first()).toBeVisible();
    await page.getByRole("button", { name: "Fetch from Points" }).click();

    await expect(page).toHaveURL(new RegExp(`/orders/${uuid}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${orderNumber}`);
    await expect(page.getByTestId("order-status")).toHaveText("New");
    await expect(page.getByTestId("settlement-status")).toHaveText("Pending");
    await expect(page.getByTestId("order-date")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await expect(page.getByTestId("order-item")).toHaveCount(1);
    await expect(page.getByTestId("order-item")).toContainText("Dates box");
    await expect(page.getByTestId("order-item")).toContainText("75.00");
    await expect(page.getByTestId("timeline-action")).toContainText("fetched from points");
    await expect(page.getByTestId("timeline-action")).toContainText("support@example.com");

    // Now known: the lower-case order number finds it exactly.
    await page.goto(`/orders?q=${encodeURIComponent(`#${orderNumber.toLowerCase()}`)}`);
    await expect(page.getByTestId("exact-match")).toContainText(orderNumber);
  });

  test("an unknown uuid at Points says so and stores nothing", async ({ page }) => {
    await signIn(page, "support", "/orders/6f1c2d3e-4b5a-4c6d-8e7f-0000000000aa");
    await page.getByRole("button", { name: "Fetch from Points" }).click();
    await expect(page.getByTestId("fetch-error")).toContainText("Points does not know this uuid");
  });
});

test.describe("checkout flow actions", () => {
  test("an admin completes an unpaid checkout with the payment method Points records", async ({ page, request }) => {
    const { uuid } = await unsentCheckout(request);
    await signIn(page, "admin");
    await fetchFromPoints(page, uuid);
    await page.getByRole("button", { name: "Complete…" }).click();
    const dialog = page.getByRole("dialog");
    // The payment method is required.
    await dialog.getByRole("button", { name: "Complete order" }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Payment method").fill("mada");
    await dialog.getByRole("button", { name: "Complete order" }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, "Order marked complete at Points")).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Approved");
    // The fetch from Points is a staff action too, listed beside the completion.
    await expect(page.getByTestId("intent-row").filter({ hasText: "complete" })).toContainText("mada");
    expect((await simOrder(request, uuid)).payment_method).toBe("mada");
  });

  test("an admin authorizes, then captures", async ({ page, request }) => {
    const { uuid } = await unsentCheckout(request);
    await signIn(page, "admin");
    await fetchFromPoints(page, uuid);
    await confirmAction(page, "Authorize…", "Authorize");
    await expect(toast(page, "Order authorized at Points")).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Authorized");
    await confirmAction(page, "Capture…", "Capture");
    await expect(toast(page, "Payment captured at Points")).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Captured");
    expect((await simOrder(request, uuid)).order_status).toBe("captured");
  });
});

test("approvals inbox: a two-person refund is listed and counted, and a second admin approves it there", async ({
  page,
  request,
  browser,
}, testInfo) => {
  const uuid = await paidCheckoutAtPoints(request, "E2E-APR", 3000);
  await signIn(page, "admin");
  await openOrder(page, uuid);
  const orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Amount (SAR)").fill("2500");
  await dialog.getByLabel("Reason").fill("wrong size");
  await dialog.getByRole("button", { name: "Send refund" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("intent-status")).toHaveText("pending approval");

  // The requester sees it waiting, counted in the navigation, but cannot approve it.
  await page.goto("/approvals");
  await expect(page.getByTestId("nav-count-approvals")).toBeVisible();
  await expect(page.getByText(/expires and is never sent/)).toContainText("24 hours");
  const mine = page.getByTestId("approval-row").filter({ hasText: orderNumber });
  await expect(mine).toContainText("2,500.00");
  await expect(mine).toContainText("Needs a second admin to approve");

  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const second = await context.newPage();
  await signInAs(second, SECOND_ADMIN.email);
  await second
    .getByRole("navigation")
    .getByRole("link", { name: /Approvals/ })
    .click();
  const row = second.getByTestId("approval-row").filter({ hasText: orderNumber });
  await expect(row).toContainText("wrong size");
  await row.getByRole("button", { name: "Approve" }).click();
  const approve = second.getByRole("dialog");
  await approve.getByLabel("Your password").fill(DEMO_PASSWORD);
  await approve.getByRole("button", { name: "Approve and send" }).click();
  await expect(toast(second, "Refund sent to Points")).toBeVisible();
  await expect(second.getByTestId("approval-row").filter({ hasText: orderNumber })).toHaveCount(0);
  await context.close();

  await page.goto(`/orders/${uuid}`);
  await expect(page.getByTestId("order-status")).toHaveText("Partially refunded");
});

test("a viewer cannot open the approvals inbox", async ({ page }) => {
  await signIn(page, "viewer");
  const response = await page.goto("/approvals");
  expect(response?.status()).toBe(403);
});

test("an admin awards points by hand and follows the earning on its order", async ({ page }) => {
  const orderNumber = uniqueNumber("E2E-GW");
  await signIn(page, "admin", "/orders");
  await page.getByRole("button", { name: "Award points…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Why").selectOption("retry");
  await dialog.getByLabel("Order number").fill(orderNumber);
  await dialog.getByLabel("Customer mobile").fill("0500000002");
  await dialog.getByLabel("Amount (SAR)").fill("240");
  await dialog.getByLabel("What was bought").fill("Perfume 50 ml");
  await dialog.getByRole("button", { name: "Create earning" }).click();
  await expect(dialog.getByTestId("request-outcome")).toContainText(/Earning order created: [\d,]+ points awarded/);
  await dialog.getByRole("link", { name: "Open the order" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${orderNumber}`);
  await expect(page.getByTestId("order-status")).toHaveText("Approved");
  await expect(page.getByTestId("order-item")).toContainText("Perfume 50 ml");
  const award = page.getByTestId("timeline-action").filter({ hasText: "earning created" });
  await expect(award).toContainText("succeeded");
  // Points' approved webhook for it arrives and is shown on the same timeline.
  await expect(page.getByTestId("timeline-webhook").first()).toBeVisible({ timeout: 20_000 });
});

test("an admin sends a payment link for a WhatsApp order; the order arrives with the link on its timeline", async ({
  page,
  request,
}) => {
  const orderNumber = uniqueNumber("E2E-WA");
  await signIn(page, "admin", "/orders");
  await page.getByRole("button", { name: "Payment link…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Order number").fill(orderNumber);
  await dialog.getByLabel("Customer mobile (optional)").fill("+966 55 000 2222");
  await dialog.getByLabel("Amount (SAR)").fill("320.50");
  await dialog.getByLabel("What was bought").fill("Oud gift set");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = dialog.getByTestId("checkout-url");
  await expect(link).toHaveValue(/\/session\/[\w-]+$/);
  await expect(dialog.getByRole("button", { name: "Copy payment link" })).toBeVisible();

  // The customer pays through the link; Points then sends the order.
  const paid = await request.post(`${simUrl()}/__control/checkout/${orderNumber}/pay`, { data: {} });
  expect(paid.status()).toBe(200);
  const { order } = (await paid.json()) as { order: { uuid: string; metadata: Record<string, unknown> } };
  expect(order.metadata).toMatchObject({ source: "points-ops", channel: "whatsapp" });
  await openOrder(page, order.uuid);
  const entry = page.getByTestId("timeline-action").filter({ hasText: "payment link created" });
  await expect(entry).toContainText("Sent by: whatsapp");
  await expect(entry).toContainText("admin@example.com");

  // Searching the customer's number, as they would say it, finds the order and masks the number.
  await page.goto("/orders?q=0550002222");
  await expect(page.getByTestId("phone-match")).toContainText("05•••••222");
  await expect(page.getByTestId("order-row").filter({ hasText: orderNumber })).toHaveCount(1);
});
