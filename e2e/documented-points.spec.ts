// The money paths against a double that sends only what points-api.md
// documents (no refund figures, empty action answers, whole-second timestamps):
// refunds and their amounts, a refund made outside points-ops, the two-person
// refund, cancel and a reconciliation heal. The double is switched through its
// control API for this file and put back afterwards.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { differenceRow, runNow } from "./helpers/reconciliation";
import { DEMO_PASSWORD, signIn } from "./helpers/sign-in";
import { openOrder, paidCheckoutAtPoints, refundCalls, setSimFidelity, simUrl } from "./helpers/sim";
import { ensureSecondAdmin, requestRefund, SECOND_ADMIN, signInAs, toast } from "./helpers/staff";

let restore: Record<string, unknown>;
test.beforeAll(async () => {
  await ensureSecondAdmin();
  restore = await setSimFidelity({ mode: "documented" });
});
test.afterAll(async () => {
  await setSimFidelity(restore);
});

const paidCheckout = (request: APIRequestContext, total: number) => paidCheckoutAtPoints(request, "E2E-DOC", total);
const control = (request: APIRequestContext, path: string, data: unknown) =>
  request.post(`${simUrl()}/__control${path}`, { data }).then((r) => expect(r.status(), path).toBe(200));

async function amounts(page: Page, refunded: string, refundable: string) {
  await expect(page.getByTestId("refunded-amount")).toContainText(refunded);
  await expect(page.getByTestId("refundable-amount")).toContainText(refundable);
}

test.describe("against documented-only Points", () => {
  // Several money steps per test, and a full reconciliation run in one of them.
  test.slow();

  test("two partial refunds show the right amounts; a refund made outside points-ops shows as unknown", async ({
    page,
    request,
  }) => {
    const uuid = await paidCheckout(request, 400);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    await amounts(page, "0.00", "400.00");

    await requestRefund(page, "50", "one item damaged");
    await expect(toast(page, "Refund sent to Points")).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Partially refunded");
    await amounts(page, "50.00", "350.00");
    await requestRefund(page, "70", "second item late");
    await amounts(page, "120.00", "280.00");
    await expect(page.getByTestId("refund-source")).toHaveText("2 refunds through points-ops (SAR 120.00)");
    await expect(page.getByTestId("refund-unknown")).toHaveCount(0);

    // Points refunds by itself (as from Points Business); its webhook carries no amount.
    await control(request, `/orders/${uuid}/auto-refund`, { amount: 30 });
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("refund-unknown")).toHaveText(
        "Refunded outside points-ops: amount unknown; check Points Business.",
        { timeout: 1_000 },
      );
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId("refunded-amount")).toHaveText("at least SAR 120.00");
    await expect(page.getByTestId("refundable-amount")).toHaveText("unknown (at most SAR 280.00)");

    // Any further refund now needs a second admin, after a fresh read of the order.
    await requestRefund(page, "10", "goodwill");
    await expect(toast(page, /refunded outside points-ops.*waiting for approval/)).toBeVisible();
    expect(await refundCalls(request, uuid)).toBe(2);
  });

  test("a refund above the threshold waits for a second admin, who approves it", async ({
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
    expect(await refundCalls(request, uuid)).toBe(0);

    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const second = await context.newPage();
    await signInAs(second, SECOND_ADMIN.email);
    await second.goto(`/orders/${uuid}`);
    await second.getByRole("button", { name: "Approve" }).click();
    const dialog = second.getByRole("dialog");
    await dialog.getByLabel("Your password").fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Approve and send" }).click();
    await expect(toast(second, "Refund sent to Points")).toBeVisible();
    await expect(second.getByTestId("order-status")).toHaveText("Partially refunded");
    await amounts(second, "1,500.00", "500.00");
    expect(await refundCalls(request, uuid)).toBe(1);
    await context.close();
  });

  test("an admin cancels an order; the empty answer is followed by a read", async ({ page, request }) => {
    const uuid = await paidCheckout(request, 80);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    await page.getByRole("button", { name: "Cancel order…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Cancel order", exact: true }).click();
    await expect(toast(page, "Cancellation sent to Points")).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
  });

  test("a refund whose webhook was lost is healed by reconciliation, its amount shown as unknown", async ({
    page,
    request,
  }) => {
    const uuid = await paidCheckout(request, 150);
    await signIn(page, "admin");
    await openOrder(page, uuid);
    const webhooks = (paused: boolean) => control(request, "/webhooks/config", { paused });
    await webhooks(true);
    try {
      await control(request, `/orders/${uuid}/auto-refund`, { amount: 40 });
      await runNow(page);
      const row = differenceRow(page, uuid);
      await expect(row.getByTestId("theirs")).toHaveText("partially_refunded");
      await row.getByRole("button", { name: /^Accept Points' state/ }).click();
      await expect(toast(page, "Healed")).toBeVisible();
    } finally {
      await webhooks(false);
    }
    await page.goto(`/orders/${uuid}`);
    await expect(page.getByTestId("order-status")).toHaveText("Partially refunded");
    await expect(page.getByTestId("refund-unknown")).toBeVisible();
    await expect(page.getByTestId("refundable-amount")).toHaveText("unknown (at most SAR 150.00)");
  });
});
