// Ops in Arabic: the live webhook log (a new row highlighted and announced,
// its order number a link to the order), a delivery's page, and a
// reconciliation run that finds a planted difference, with no English on those
// pages (axe on every page and dialog: every-page.spec.ts).
import { expect, test, type Page } from "@playwright/test";
import { envelope, fixtureOrder, later } from "@/lib/testing/webhook-fixtures";
import { expectNoEnglish } from "./helpers/no-english";
import { differenceRow, drift } from "./helpers/reconciliation";
import { paidCheckoutAtPoints } from "./helpers/sim";
import { createStaffUser, e2eDb } from "./helpers/staff-user";
import { signInAs } from "./helpers/sign-in";

// Sign-ins hash passwords and a reconciliation run reads Points: generous on a busy machine.
test.describe.configure({ timeout: 300_000 });

const SECRET = "points-demo-webhook-secret";

async function postDelivery(page: Page, event = "approved", order = fixtureOrder()) {
  const response = await page.request.post("/api/webhooks/points", {
    headers: { "X-Webhook-Secret": SECRET, "Content-Type": "application/json" },
    data: envelope(event, order),
  });
  expect(response.status()).toBe(200);
  return order;
}

const rowFor = (page: Page, orderNumber: string) => page.getByTestId("delivery-row").filter({ hasText: orderNumber });

/**
 * Notes the text of every log row that is ever marked fresh, so a highlight is
 * seen however slowly the test gets to look (it fades after a few seconds).
 */
async function watchHighlights(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { highlightedRows: seen });
    const note = () => document.querySelectorAll("tr[data-fresh]").forEach((row) => seen.push(row.textContent ?? ""));
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-fresh"],
    });
  });
}

const wasHighlighted = (page: Page, orderNumber: string) =>
  page.evaluate(
    (wanted) =>
      (window as unknown as { highlightedRows: string[] }).highlightedRows.some((text) => text.includes(wanted)),
    orderNumber,
  );

/**
 * No Latin word at all in the parts this spec is about; the list filters and
 * the pager are shared parts, checked where they are translated.
 */
async function expectArabic(page: Page, strictScopes: string[]) {
  for (const scope of strictScopes) {
    await expect(page.locator(scope).first()).toBeVisible();
    await expectNoEnglish(page, { scope, strict: true });
  }
}

/** The order exists in our store once Points' webhook for it is processed. */
async function orderStored(uuid: string) {
  const db = e2eDb();
  try {
    await expect.poll(() => db.order.count({ where: { pointsUuid: uuid } }), { timeout: 20_000 }).toBe(1);
  } finally {
    await db.$disconnect();
  }
}

test("in Arabic, ops watch a delivery arrive live, open it and its order, and find a difference by reconciling", async ({
  page,
  request,
}) => {
  await signInAs(page, await createStaffUser("ops", { locale: "ar" }), { landOn: "/webhooks" });
  await expect(page.getByTestId("live-state")).toHaveText("مباشر");
  await watchHighlights(page);

  const order = await postDelivery(page);
  const row = rowFor(page, order.order_number);
  await expect(row).toBeVisible();
  // Highlighted as it arrives, said once to screen readers, then an ordinary row.
  await expect.poll(() => wasHighlighted(page, order.order_number)).toBe(true);
  await expect(page.getByTestId("live-announcement")).toContainText(`إشعار جديد: approved للطلب ${order.order_number}`);
  await expect(row.getByTestId("delivery-status")).toHaveText("تمت معالجته");
  await expect(row).not.toHaveAttribute("data-fresh", /./, { timeout: 15_000 });
  await expectArabic(page, ["header", "main h1", "[data-testid=verification-panel]", "main table"]);

  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/webhooks\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("الإشعار");
  await expect(page.getByTestId("delivery-body")).toContainText(`"order_number": "${order.order_number}"`);
  await expect(page.getByTestId("delivery-attempt")).toHaveCount(1);
  await expect(page.getByTestId("delivery-attempt")).toContainText("عند الاستلام");
  await expectNoEnglish(page, { strict: true });

  // The log's order number is the way to the order.
  await page.goto(`/webhooks?q=${order.order_number}`);
  await rowFor(page, order.order_number).getByTestId("delivery-order-link").click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));

  const uuid = await paidCheckoutAtPoints(request, "E2E-AR-REC", 75);
  await orderStored(uuid);
  await drift(uuid, "total_points = 1");
  await page.goto("/reconciliation");
  await page.getByRole("button", { name: "شغّل الآن" }).click();
  const progress = page.getByTestId("run-progress");
  await expect(progress.getByRole("progressbar", { name: "تقدّم المطابقة" })).toBeVisible();
  await expect(progress.getByTestId("run-status")).toHaveText("اكتملت", { timeout: 60_000 });
  const difference = differenceRow(page, uuid);
  await expect(difference).toHaveCount(1);
  await expect(difference).toContainText("total_points");
  await expect(difference).toContainText("اختلاف");
  await expect(difference.getByTestId("resolution")).toHaveText("مفتوح");
  await expect(difference.getByRole("button", { name: /^اعتمد حالة نقاط/ })).toBeVisible();
  await expectArabic(page, [
    "main h1",
    "[data-testid=run-progress]",
    "#runs",
    "#groups",
    "#differences [role=group]",
    "#differences table",
    "#flags",
  ]);

  // The note dialog and a bulk confirmation speak Arabic too.
  await difference.getByRole("button", { name: /^برّر…/ }).click();
  await expect(page.getByRole("dialog")).toContainText("برّر هذا الفرق");
  await expectNoEnglish(page, { scope: "[role=dialog]", strict: true });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.getByRole("button", { name: "أعد فحص الجميع…" }).click();
  await expect(page.getByRole("dialog").getByRole("heading")).toContainText("إعادة الفحص");
  await expectNoEnglish(page, { scope: "[role=dialog]", strict: true });
  await page.getByRole("dialog").getByRole("button", { name: "إلغاء" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
});

test("the overview's verification and flags links land on their sections", async ({ page }) => {
  await signInAs(page, await createStaffUser("ops", { locale: "ar" }));
  await page.getByTestId("verification-failures-today").click();
  await expect(page).toHaveURL(/\/webhooks#verification$/);
  await expect(page.locator("#verification")).toBeInViewport();
  await expect(page.locator("#verification")).toContainText("فحوص السر الفاشلة");

  await page.goto("/");
  await page.getByTestId("open-flags").click();
  await expect(page).toHaveURL(/\/reconciliation#flags$/);
  await expect(page.locator("#flags")).toBeInViewport();
  await expect(page.locator("#flags").getByRole("heading", { level: 2 })).toHaveText("ملاحظات دورة الحياة");
});

test.describe("mobile", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("at 390 px each delivery is a card with its time, event, order number, status and replay", async ({ page }) => {
    await signInAs(page, await createStaffUser("ops", { locale: "ar" }));
    const order = await postDelivery(page);
    // The longest event name, which once pushed the status and Replay out of its card.
    await postDelivery(page, "shipping_status_updated", later(order, 60));
    await page.goto(`/webhooks?q=${order.order_number}`);
    const rows = rowFor(page, order.order_number);
    await expect(rows).toHaveCount(2);
    for (const event of ["approved", "shipping_status_updated"]) {
      const row = rows.filter({ hasText: event });
      await row.scrollIntoViewIfNeeded();
      const status = row.getByTestId("delivery-status");
      const replay = row.getByRole("button", { name: /أعد تشغيل/ });
      for (const part of [
        row.getByRole("link").first(),
        row.getByText(event),
        row.getByTestId("delivery-order-link"),
        status,
        replay,
      ])
        await expect(part).toBeInViewport();
      const card = (await row.boundingBox())!;
      for (const part of [status, replay]) {
        const box = (await part.boundingBox())!;
        expect(box.x, `${event}: inside its card on the left`).toBeGreaterThanOrEqual(card.x - 0.5);
        expect(box.x + box.width, `${event}: inside its card on the right`).toBeLessThanOrEqual(
          card.x + card.width + 0.5,
        );
      }
      expect(
        await row.evaluate((el) => el.scrollWidth - el.clientWidth),
        `${event}: the card overflows`,
      ).toBeLessThanOrEqual(0);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
