// Reconciliation through the UI against the sandbox double: differences
// planted in our store are found by "Run now" (with live progress), one is
// healed and shows as healed on the order's timeline, one is explained; a
// broken webhook history is flagged; only ops and admins get in.
import { expect, test } from "@playwright/test";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { signIn } from "./helpers/sign-in";
import { differenceRow, drift, runNow } from "./helpers/reconciliation";
import { openOrder, paidCheckoutAtPoints } from "./helpers/sim";
import { toast } from "./helpers/staff";

const SECRET = "points-demo-webhook-secret";

test.describe("reconciliation", () => {
  test("support and viewers get the 403 page", async ({ page }) => {
    for (const role of ["support", "viewer"] as const) {
      await signIn(page, role, "/reconciliation");
      await expect(page.getByTestId("forbidden")).toBeVisible();
      await page.context().clearCookies();
    }
  });

  test("Run now finds planted differences; heal one, explain another", async ({ page, request }) => {
    const healMe = await paidCheckoutAtPoints(request, "E2E-REC", 120);
    const explainMe = await paidCheckoutAtPoints(request, "E2E-REC", 90);
    await signIn(page, "ops");
    await openOrder(page, healMe);
    await openOrder(page, explainMe);
    await drift(healMe, "order_status = 'new'");
    await drift(explainMe, "total_points = 1");

    await runNow(page);
    const healRow = differenceRow(page, healMe);
    await expect(healRow).toHaveCount(1);
    await expect(healRow.getByRole("cell").nth(2)).toHaveText("order_status");
    await expect(healRow.getByTestId("ours")).toHaveText("new");
    await expect(healRow.getByTestId("theirs")).toHaveText("approved");
    await expect(page.getByTestId("difference-group").filter({ hasText: "order_status" })).toBeVisible();

    await healRow.getByRole("button", { name: /^Accept Points' state/ }).click();
    await expect(toast(page, "Healed")).toBeVisible();
    await expect(healRow).toHaveCount(0);

    await page.goto(`/orders/${healMe}`);
    await expect(page.getByTestId("order-status")).toHaveText("Approved");
    const entry = page.getByTestId("timeline-difference");
    await expect(entry).toContainText("order_status");
    await expect(entry.getByTestId("resolution")).toHaveText("healed");
    await expect(page.getByTestId("timeline-action").filter({ hasText: "healed from Points" })).toBeVisible();

    await page.goto("/reconciliation?field=total_points");
    const explainRow = differenceRow(page, explainMe);
    await explainRow.getByRole("button", { name: /^Explain…/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Mark as explained" }).click();
    await expect(dialog.getByLabel("Note")).toBeFocused();
    await dialog.getByLabel("Note").fill("Points multiplier changed that day; agreed with Points support");
    await dialog.getByRole("button", { name: "Mark as explained" }).click();
    await expect(dialog).toBeHidden();
    await expect(explainRow).toHaveCount(0);

    await page.goto(`/reconciliation?status=explained&q=${explainMe}`);
    await expect(differenceRow(page, explainMe)).toContainText("Points multiplier changed that day");
    await expect(differenceRow(page, explainMe).getByTestId("resolution")).toHaveText("explained");
  });

  test("a broken webhook history is flagged on the page and on the order", async ({ page }) => {
    // A refund is the first thing we ever hear of this order: no settlement before it.
    const order = fixtureOrder({ order_status: "partially_refunded" });
    const response = await page.request.post("/api/webhooks/points", {
      headers: { "X-Webhook-Secret": SECRET },
      data: envelope("refunded", order),
    });
    expect(response.status()).toBe(200);
    await signIn(page, "ops");
    await expect(async () => {
      await page.goto(`/orders/${order.id}`);
      await expect(page.getByTestId("order-summary")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    await runNow(page);
    const flag = page.getByTestId("flag-row").and(page.locator(`[data-order-uuid="${order.id}"]`));
    await expect(flag).toContainText("Refunded before settlement");
    await expect(flag.getByRole("button", { name: /^Accept Points' state/ })).toBeVisible();

    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId("lifecycle-flag")).toContainText("Refunded before settlement");
    await expect(page.getByTestId("timeline-lifecycle_flag").getByTestId("resolution")).toHaveText("open");

    // Points has no such order: nothing to accept, so it is explained, in bulk by the order filter.
    await page.goto(`/reconciliation?q=${order.id}`);
    await expect(differenceRow(page, order.id).getByRole("button", { name: /^Accept Points' state/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Explain all…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading")).toHaveText("Explain: 1 open difference?");
    await dialog.getByLabel("Note").fill("test order sent straight to our endpoint");
    await dialog.getByRole("button", { name: "Explain 1" }).click();
    await expect(dialog.getByRole("heading")).toHaveText("Done: 1 difference explained");
    await expect(dialog.getByTestId("bulk-summary")).toContainText("1 of 1 gone through: 1 closed, 0 failed.");
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await expect(differenceRow(page, order.id)).toHaveCount(0);
  });
});
