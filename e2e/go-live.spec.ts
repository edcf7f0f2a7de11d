// The Go-live page: the smoke tests run from the button against the sandbox
// double, through the app's own receiver, with progress per flow; the checklist
// reads their results; admins sign items off by hand.
import { expect, test, type Page } from "@playwright/test";
import { expectNoEnglish } from "./helpers/no-english";
import { signIn, signInAs } from "./helpers/sign-in";
import { simUrl } from "./helpers/sim";
import { createStaffUser } from "./helpers/staff-user";

const FLOWS = ["earning_order", "checkout_session", "webhook", "refund", "cancel", "shipping"];
const item = (page: Page, id: string) => page.locator(`[data-testid=go-live-item][data-item="${id}"]`);

test("a viewer gets the 403 page", async ({ page }) => {
  await signIn(page, "viewer", "/go-live");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("ops runs the smoke tests from the button and sees every flow pass, then the checklist reads the run", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "ops", "/go-live");
  await expect(page.getByRole("heading", { level: 1, name: "Go-live" })).toBeVisible();
  await expect(item(page, "smoke-per-flow")).not.toHaveAttribute("data-state", "pass");
  // Ops may run smoke tests but not sign items off.
  await expect(page.getByRole("button", { name: /^Sign off/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Run smoke tests" }).click();
  const panel = page.getByTestId("smoke-panel");
  await expect(panel.getByRole("button", { name: "Running…" })).toBeDisabled();
  // Progress shows while the run is going: some flow is running or done before all are.
  await expect(
    panel
      .getByTestId("smoke-step")
      .filter({ hasText: /running|passed/ })
      .first(),
  ).toBeVisible();

  for (const flow of FLOWS) {
    await expect(
      panel.locator(`[data-testid=smoke-step][data-flow=${flow}]`).getByText("passed", { exact: true }),
    ).toBeVisible({ timeout: 60_000 });
  }
  await expect(panel.getByTestId("smoke-run-summary")).toContainText("passed");
  await expect(panel.locator("[data-testid=smoke-step][data-flow=webhook]")).toContainText(
    "The temporary endpoint and its secret are deleted again.",
  );
  await expect(panel.getByRole("button", { name: "Run smoke tests" })).toBeEnabled();

  // The page refreshes when the run ends; the checklist now reads it.
  await expect(item(page, "smoke-per-flow")).toHaveAttribute("data-state", "pass");
  await expect(item(page, "capabilities")).toHaveAttribute("data-state", "pass");
  await expect(item(page, "refund-target-env")).toHaveAttribute("data-state", "pass");
  await expect(item(page, "recent-delivery")).toHaveAttribute("data-state", "pass");
  await expect(item(page, "callback-reachable")).toHaveAttribute("data-state", "pass");

  // Nothing left behind at Points: only the endpoint the runner registered.
  const endpoints = (await (await request.get(`${simUrl()}/__control/webhooks/endpoints`)).json()) as {
    endpoints: Array<{ url: string }>;
  };
  expect(endpoints.endpoints.map((e) => e.url)).toEqual([expect.stringMatching(/\/api\/webhooks\/points$/)]);

  // The results stay after a reload.
  await page.reload();
  await expect(page.getByTestId("smoke-step").getByText("passed", { exact: true })).toHaveCount(FLOWS.length);
});

test("an Arabic reader sees each smoke step in Arabic: order numbers left to right, Points' own words apart", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const capabilities = (refunds: boolean) =>
    request.post(`${simUrl()}/__control/capabilities`, { data: { refunds } }).then((r) => expect(r.ok()).toBe(true));
  // Points refuses the refund: that step fails with Points' English message, the others pass.
  await capabilities(false);
  try {
    await signInAs(page, await createStaffUser("ops", { locale: "ar" }), { landOn: "/go-live" });
    const panel = page.getByTestId("smoke-panel");
    await panel.getByRole("button", { name: "تشغيل اختبارات التشغيل" }).click();
    const step = (flow: string) => panel.locator(`[data-testid=smoke-step][data-flow=${flow}]`);
    for (const flow of FLOWS)
      await expect(step(flow).getByText(flow === "refund" ? "فاشل" : "ناجح", { exact: true })).toBeVisible({
        timeout: 60_000,
      });
    await expect(panel.getByRole("button", { name: "تشغيل اختبارات التشغيل" })).toBeEnabled();

    // Sentences in Arabic, with the order number kept left to right inside them.
    await expect(step("earning_order")).toContainText("وافقت نقاط على طلب الاكتساب");
    await expect(step("earning_order").locator("bdi[data-identifier]", { hasText: /^SMOKE-\w+-E$/ })).toBeVisible();
    await expect(step("webhook")).toContainText("حُذفت نقطة الاستقبال المؤقتة وسرّها مجددًا.");
    await expect(step("cancel").locator("bdi[data-identifier]", { hasText: /^SMOKE-\w+-W$/ })).toBeVisible();
    // Points' refusal: our sentence in Arabic, Points' own English words apart, marked as English, left to right.
    await expect(step("refund")).toContainText("هذه الميزة معطّلة");
    await expect(step("refund")).toContainText("قالت نقاط:");
    await expect(step("refund").locator("[lang=en][dir=ltr]")).toHaveText(
      "Refunds is not enabled or not funded for this merchant.",
    );
    await expectNoEnglish(page, { strict: true, scope: "[data-testid=smoke-panel]" });
  } finally {
    await capabilities(true);
  }
});

test("an admin signs a manual item off with a note, sees who and when, and undoes it", async ({ page }) => {
  await signIn(page, "admin", "/go-live");
  const controlled = item(page, "controlled-orders");
  await expect(controlled).toHaveAttribute("data-state", "open");

  await controlled.getByRole("button", { name: /^Sign off/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Note (optional)").fill("First 20 orders placed by staff");
  await dialog.getByRole("button", { name: "Sign off", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(controlled).toHaveAttribute("data-state", "signed_off");
  await expect(controlled.getByTestId("signoff")).toContainText(
    /Signed off by .+ on .+: “First 20 orders placed by staff”/,
  );

  await controlled.getByRole("button", { name: /^Undo/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Undo sign-off" }).click();
  await expect(controlled).toHaveAttribute("data-state", "open");
  await expect(controlled.getByTestId("signoff")).toHaveCount(0);

  await page.goto("/audit");
  // The filter now offers every action by name too: look in the rows.
  await expect(page.getByTestId("audit-row").filter({ hasText: "go_live.undo_sign_off" }).first()).toBeVisible();
});
