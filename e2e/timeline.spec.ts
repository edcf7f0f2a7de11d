// The order timeline and the Staff actions card through the UI, against the
// sandbox double: a reconciliation heal is listed on both, a staff refund
// reads staff → Points call → webhook, payloads load only when a row is
// opened, and the Arabic page has no English in either (axe in both languages
// and both themes).
import { expect, test, type Page } from "@playwright/test";
import { AXE_VIEWS, axeOf } from "./helpers/axe";
import { expectNoEnglish } from "./helpers/no-english";
import { differenceRow, drift, runNow } from "./helpers/reconciliation";
import { signIn, signInAs } from "./helpers/sign-in";
import { openOrder, paidCheckoutAtPoints } from "./helpers/sim";
import { requestRefund, toast } from "./helpers/staff";
import { createStaffUser } from "./helpers/staff-user";

// A reconciliation run, a refund and four sign-ins on a shared, busy machine.
test.describe.configure({ timeout: 480_000 });

/** The timeline's rows as the page shows them, top to bottom. */
const timelineRows = (page: Page) =>
  page.locator("[data-testid=order-timeline] > li").evaluateAll((rows) =>
    rows.map((row) => ({
      kind: row.getAttribute("data-testid"),
      event: row.querySelector("[data-event]")?.getAttribute("data-event") ?? null,
      text: row.textContent ?? "",
    })),
  );

test("a heal and a refund on one order: the card and the timeline agree, cause before effect, payloads on demand", async ({
  page,
  browser,
  request,
}) => {
  const uuid = await paidCheckoutAtPoints(request, "E2E-TL", 200);
  await signIn(page, "ops");
  await openOrder(page, uuid, 60_000);
  const card = page.getByTestId("staff-actions");
  await expect(page.getByText("No staff actions yet")).toBeVisible();

  // A reconciliation heal is a staff action: the card lists it, as the timeline does.
  await drift(uuid, "order_status = 'new'");
  await runNow(page);
  await differenceRow(page, uuid)
    .getByRole("button", { name: /^Accept Points' state/ })
    .click();
  await expect(toast(page, "Healed")).toBeVisible();
  await page.goto(`/orders/${uuid}`);
  await expect(page.getByText("No staff actions yet")).toHaveCount(0);
  await expect(card.getByTestId("intent-row")).toHaveCount(1);
  await expect(card.getByTestId("intent-row")).toContainText("healed from Points");
  await expect(card.getByTestId("intent-row")).toContainText("order_status");
  await expect(page.getByTestId("timeline-action").filter({ hasText: "healed from Points" })).toHaveCount(1);

  // An admin refunds; Points' webhook confirms it.
  await page.context().clearCookies();
  await signIn(page, "admin", `/orders/${uuid}`);
  await requestRefund(page, "40", "box arrived crushed");
  await expect(toast(page, "Refund sent to Points")).toBeVisible();
  await expect(page.getByTestId("intent-confirmation")).toHaveText("Confirmed", { timeout: 15_000 });
  await page.goto(`/orders/${uuid}`, { waitUntil: "domcontentloaded" });
  await expect(card.getByTestId("intent-row")).toHaveCount(2);
  await expect(page.getByTestId("intent-confirmation")).toHaveText("Confirmed");

  const rows = await timelineRows(page);
  const staff = rows.findIndex((r) => r.kind === "timeline-action" && r.text.includes("Refund of"));
  const call = rows.findIndex((r) => r.kind === "timeline-api_call" && r.text.includes(`POST /orders/${uuid}/refund`));
  const webhook = rows.findIndex((r) => r.kind === "timeline-webhook" && r.event === "refunded");
  expect(Math.min(staff, call, webhook)).toBeGreaterThanOrEqual(0);
  expect({ staffBeforeCall: staff < call, callBeforeWebhook: call < webhook }).toEqual({
    staffBeforeCall: true,
    callBeforeWebhook: true,
  });
  // Each row says its change in words.
  const refundRow = page.locator("[data-testid=order-timeline] > li").nth(staff);
  await expect(refundRow).toContainText("Refund of SAR 40.00");
  await expect(refundRow).toContainText("box arrived crushed");
  await expect(page.locator("[data-testid=order-timeline] > li").nth(webhook)).toContainText(
    "Order status: Partially refunded",
  );

  // The page as first sent carries no payload; opening a row fetches its own.
  const html = await (await page.request.get(`/orders/${uuid}`)).text();
  expect(html).toContain("box arrived crushed");
  // The body's own key/value pair, raw or escaped inside the RSC payload (field names alone also appear in the catalogues).
  expect(html).not.toMatch(/\\?"event\\?":\s*\\?"refunded/);
  const payload = page.locator("[data-testid=order-timeline] > li").nth(webhook).getByTestId("timeline-payload");
  const fetched = page.waitForResponse((r) => r.url().includes("/api/timeline/payload?kind=webhook"));
  await payload.getByText("Payload").click();
  expect((await fetched).status()).toBe(200);
  await expect(payload.locator("pre")).toContainText('"event": "refunded"');
  await expect(payload.locator("pre")).toContainText('"total_points"');
  const callPayload = page.locator("[data-testid=order-timeline] > li").nth(call).getByTestId("timeline-payload");
  await callPayload.getByText("Request and answer").click();
  await expect(callPayload.locator("pre")).toContainText('"reason": "box arrived crushed"');

  // The same order in Arabic and in English, light and dark.
  for (const { locale, theme } of AXE_VIEWS) {
    const context = await browser.newContext({ colorScheme: theme });
    const other = await context.newPage();
    await signInAs(other, await createStaffUser("admin", { locale, theme }));
    await other.goto(`/orders/${uuid}`, { waitUntil: "domcontentloaded" });
    await expect(other.getByTestId("staff-actions").getByTestId("intent-row")).toHaveCount(2);
    if (locale === "ar") {
      await expect(other.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(other.getByTestId("timeline-action").filter({ hasText: "عولج من بوينتس" })).toHaveCount(1);
      await expect(other.getByTestId("staff-actions")).toContainText("عولج من بوينتس");
      const opened = other.getByTestId("timeline-webhook").last().getByTestId("timeline-payload");
      await opened.getByText("محتوى الإشعار").click();
      await expect(opened.locator("pre")).toHaveAttribute("dir", "ltr");
      await expect(opened.locator("pre")).toContainText('"event"');
      await expectNoEnglish(other, { scope: "[data-testid=order-timeline]", strict: true });
      await expectNoEnglish(other, { scope: "[data-testid=staff-actions]", strict: true });
    }
    // For a person to look at (test-results/): the rich timeline at desktop and phone widths.
    if (theme === "light")
      for (const width of [1440, 390]) {
        await other.setViewportSize({ width, height: 900 });
        await other.getByTestId("order-timeline").scrollIntoViewIfNeeded();
        await other.screenshot({ path: test.info().outputPath(`order-${locale}-${width}.png`), fullPage: true });
      }
    const { violations } = await axeOf(other)
      .include("[data-testid=order-timeline]")
      .include("[data-testid=staff-actions]")
      .analyze();
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
      `${locale} ${theme}`,
    ).toEqual([]);
    await context.close();
  }
});
