// The order page's actions through the UI, against the sandbox double: refunds
// (partial, full, two-person, double-click), cancel, shipping with an Arabic
// label, and what each role is offered.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers/sign-in";
import { openOrder, paidCheckoutAtPoints, refundCalls, simUrl } from "./helpers/sim";
import { ensureSecondAdmin, requestRefund, SECOND_ADMIN, signInAs, toast } from "./helpers/staff";

test.beforeAll(ensureSecondAdmin);

const paidCheckout = (request: APIRequestContext, total: number) => paidCheckoutAtPoints(request, "E2E-ACT", total);

test.describe("order actions", () => {
  test("an admin refunds part, then the rest; the summary, intents and confirmation follow", async ({
    page,
    request,
  }) => {
    const uuid = await paidCheckout(request, 300);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    await expect(page.getByTestId("refundable-amount")).toContainText("300.00");

    // Hold Points' webhooks back so the intent is seen waiting for its confirmation.
    const webhooks = (paused: boolean) =>
      page.request.post(`${simUrl()}/__control/webhooks/config`, { data: { paused } });
    await webhooks(true);
    try {
      await requestRefund(page, "100", "one item damaged");
      await expect(toast(page, "Refund sent to Points")).toBeVisible();
      await expect(page.getByTestId("order-status")).toHaveText("Partially refunded");
      await expect(page.getByTestId("refundable-amount")).toContainText("200.00");
      await expect(page.getByTestId("intent-row")).toHaveCount(1);
      await expect(page.getByTestId("intent-status")).toHaveText("succeeded");
      await expect(page.getByTestId("intent-confirmation")).toHaveText("Awaiting webhook");
    } finally {
      await webhooks(false);
    }
    // The `refunded` webhook confirms the intent, and the open page shows it without a reload.
    await expect(page.getByTestId("intent-confirmation")).toHaveText("Confirmed", { timeout: 15_000 });
    await expect(
      page.getByTestId("timeline-webhook").filter({ has: page.getByText("refunded", { exact: true }) }),
    ).toHaveCount(1);
    await expect(page.getByTestId("timeline-api_call").filter({ hasText: `/orders/${uuid}/refund` })).toHaveCount(1);

    await requestRefund(page, "", "customer returned everything");
    await expect(page.getByTestId("order-status")).toHaveText("Fully refunded");
    await expect(page.getByTestId("refundable-amount")).toContainText("0.00");
    await expect(page.getByRole("button", { name: "Refund…" })).toHaveCount(0);
    await expect(page.getByTestId("intent-row")).toHaveCount(2);
    expect(await refundCalls(request, uuid)).toBe(2);
  });

  test("an admin cancels an order", async ({ page, request }) => {
    const uuid = await paidCheckout(request, 80);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    await page.getByRole("button", { name: "Cancel order…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason (optional)").fill("out of stock");
    await dialog.getByRole("button", { name: "Cancel order", exact: true }).click();
    await expect(toast(page, "Cancellation sent to Points")).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
    await expect(page.getByRole("button", { name: "Cancel order…" })).toHaveCount(0);
    await expect(page.getByTestId("intent-row")).toContainText("out of stock");
  });

  test("support updates shipping with an Arabic label, shown right to left, and is offered nothing else", async ({
    page,
    request,
  }) => {
    const uuid = await paidCheckout(request, 60);
    await signIn(page, "support");
    await openOrder(page, uuid);
    await expect(page.getByTestId("order-actions").getByRole("button")).toHaveText(["Update shipping…"]);

    await page.getByRole("button", { name: "Update shipping…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Status").selectOption("delivery_is_in_progress");
    await dialog.getByLabel("Arabic label").fill("خرج للتوصيل");
    await dialog.getByLabel("English label").fill("Out for delivery");
    await dialog.getByRole("button", { name: "Update shipping", exact: true }).click();
    await expect(toast(page, "Shipping status updated at Points")).toBeVisible();
    await expect(page.getByTestId("shipping-status")).toHaveText("Delivery in progress");
    await expect(page.getByTestId("shipping-label-ar")).toHaveText("خرج للتوصيل");
    await expect(page.getByTestId("shipping-label-ar")).toHaveAttribute("dir", "rtl");
    await expect(page.getByTestId("shipping-label-en")).toHaveText("Out for delivery");
    // The timeline words the status as the summary does, not as Points' code.
    await expect(page.locator('ol[aria-label="Order timeline"]')).toContainText(
      "Shipping status: Delivery in progress",
    );

    // The list gives each reader Points' label in their own language.
    await page.goto(`/orders?q=${uuid}`);
    const row = page
      .getByRole("table")
      .getByRole("row")
      .filter({ has: page.getByRole("link") });
    await expect(row).toHaveCount(1);
    await expect(row.locator('bdi[lang="en"]')).toHaveText("Out for delivery");
  });

  test("a viewer sees the order but is offered no actions", async ({ page, request }) => {
    const uuid = await paidCheckout(request, 40);
    await signIn(page, "viewer");
    await openOrder(page, uuid);
    await expect(page.getByTestId("order-actions")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Refund|Cancel order|Update shipping/ })).toHaveCount(0);
  });

  test("an unknown order says Points has not sent it; a viewer is not offered to fetch it", async ({ page }) => {
    await signIn(page, "viewer", "/orders/6f1c2d3e-4b5a-4c6d-8e7f-000000000000");
    await expect(page.getByText("Points has not sent this order")).toBeVisible();
    await expect(page.getByText("ask support to fetch it from Points")).toBeVisible();
    await expect(page.getByRole("button", { name: "Fetch from Points" })).toHaveCount(0);
  });

  test("a refund above the threshold waits for a second admin, who approves it with their password", async ({
    page,
    request,
    browser,
  }, testInfo) => {
    const uuid = await paidCheckout(request, 2000);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    await requestRefund(page, "1500", "order returned");
    await expect(toast(page, /waiting for approval/)).toBeVisible();
    await expect(page.getByTestId("intent-status")).toHaveText("pending approval");
    await expect(page.getByTestId("intent-row")).toContainText("Needs a second admin to approve");
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
    expect(await refundCalls(request, uuid)).toBe(0);

    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const second = await context.newPage();
    await signInAs(second, SECOND_ADMIN.email);
    await second.goto(`/orders/${uuid}`);
    await second.getByRole("button", { name: "Approve" }).click();
    const dialog = second.getByRole("dialog");
    await dialog.getByLabel("Your password").fill("not-my-password");
    await dialog.getByRole("button", { name: "Approve and send" }).click();
    // Shown in the dialog, which stays open (its modal hides the toasts from the accessibility tree).
    await expect(dialog.getByRole("alert")).toHaveText("Password is not correct; the refund was not approved.");
    expect(await refundCalls(request, uuid)).toBe(0);

    await dialog.getByLabel("Your password").fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Approve and send" }).click();
    await expect(toast(second, "Refund sent to Points")).toBeVisible();
    await expect(second.getByTestId("order-status")).toHaveText("Partially refunded");
    await expect(second.getByTestId("refundable-amount")).toContainText("500.00");
    await expect(second.getByTestId("intent-status")).toHaveText("succeeded");
    await expect(second.getByTestId("intent-row")).toContainText(SECOND_ADMIN.name);
    expect(await refundCalls(request, uuid)).toBe(1);
    await context.close();
  });

  test("a second admin rejects a refund with a note; Points is not called", async ({
    page,
    request,
    browser,
  }, testInfo) => {
    const uuid = await paidCheckout(request, 2000);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    await requestRefund(page, "1200", "goodwill gesture");
    await expect(page.getByTestId("intent-status")).toHaveText("pending approval");

    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const second = await context.newPage();
    await signInAs(second, SECOND_ADMIN.email);
    await second.goto(`/orders/${uuid}`);
    await second.getByRole("button", { name: "Reject" }).click();
    const dialog = second.getByRole("dialog");
    await dialog.getByLabel("Note (optional)").fill("no damage on the photos");
    await dialog.getByRole("button", { name: "Reject refund" }).click();
    await expect(toast(second, "Refund request rejected; Points was not called.")).toBeVisible();
    await expect(second.getByTestId("intent-status")).toHaveText("rejected");
    await expect(second.getByTestId("intent-row")).toContainText("no damage on the photos");
    await expect(second.getByTestId("order-status")).toHaveText("Approved");
    await context.close();

    await page.reload();
    await expect(page.getByTestId("intent-status")).toHaveText("rejected");
    expect(await refundCalls(request, uuid)).toBe(0);
  });

  test("Points' refusal is shown as its message and the intent is recorded as failed", async ({ page, request }) => {
    const uuid = await paidCheckout(request, 120);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    const capabilities = (refunds: boolean) =>
      request.post(`${simUrl()}/__control/capabilities`, { data: { refunds } });
    await capabilities(false);
    try {
      await page.getByRole("button", { name: "Refund…" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Reason").fill("wrong size");
      await dialog.getByRole("button", { name: "Send refund" }).click();
      await expect(dialog.getByRole("alert")).toContainText(/disabled/i);
      await dialog.getByRole("button", { name: "Close" }).first().click();
      await expect(page.getByTestId("intent-status")).toHaveText("failed");
      await expect(page.getByTestId("order-status")).toHaveText("Approved");
    } finally {
      await capabilities(true);
    }
  });

  test("a double-click on the refund submit sends one refund", async ({ page, request }) => {
    const uuid = await paidCheckout(request, 300);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    await page.getByRole("button", { name: "Refund…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Amount (SAR)").fill("50");
    await dialog.getByLabel("Reason").fill("late delivery");
    await dialog.getByRole("button", { name: "Send refund" }).dblclick();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("order-status")).toHaveText("Partially refunded");
    await expect(page.getByTestId("intent-row")).toHaveCount(1);
    expect(await refundCalls(request, uuid)).toBe(1);
  });
});
