// The orders area in Arabic: an admin finds an order by its number, opens it
// and refunds part of it through the dialog (against the Points double), a
// large refund waits on /approvals for a second admin; every page and dialog
// of the area shows no English (axe on every page and dialog:
// every-page.spec.ts).
//
// The search form, the staff-actions list and the timeline on these pages are
// translated on their own (and checked by their own specs): the order pages
// are checked part by part here, each part of this area strictly (no Latin
// word at all outside identifiers); pages wholly of this area, whole.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { formatSar } from "@/lib/i18n/format";
import { expectNoEnglish } from "./helpers/no-english";
import { seedOrder } from "./helpers/seed-order";
import { paidCheckoutAtPoints, refundCalls } from "./helpers/sim";
import { createStaffUser, e2eDb } from "./helpers/staff-user";
import { signInAs } from "./helpers/sign-in";

test.describe.configure({ timeout: 180_000 });

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: /التنبيهات المنبثقة/ }).getByText(text);

const AR_SAR = (amount: number) => formatSar(amount, { locale: "ar", digits: "latn" });

// Orders of this spec: numbered AR-ORD-…, 240 SAR (the mobile card test reads the amount).
const seedArabicOrder = (type: "earning" | "replacing", orderStatus: string) =>
  seedOrder({
    orderNumber: `AR-ORD-${randomUUID().slice(0, 8).toUpperCase()}`,
    type,
    orderStatus,
    paymentStatus: "partially_paid",
    totalPrice: 240,
    totalPoints: 24,
    metadata: { channel: "store" },
  });

/** A paid checkout at the double; its order page exists once the `approved` webhook is processed. */
async function openPaidOrder(page: Page, uuid: string) {
  await expect(async () => {
    await page.goto(`/orders/${uuid}`);
    await expect(page.getByTestId("order-status")).toHaveText("معتمد", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

const orderNumberOf = async (uuid: string) => {
  const db = e2eDb();
  try {
    return (await db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).orderNumber;
  } finally {
    await db.$disconnect();
  }
};

/** The page header: title, description and the buttons beside them. */
const HEADER = "main div:has(> div > h1)";

/** The parts of the order page this area draws. */
async function expectOrderPageArabic(page: Page) {
  for (const scope of [HEADER, "[data-testid=order-summary]", "[data-testid=order-items]", "#timeline-title"])
    await expectNoEnglish(page, { scope, strict: true });
  for (const part of ["order-actions", "reconciliation-notice"])
    if (await page.getByTestId(part).count())
      await expectNoEnglish(page, { scope: `[data-testid=${part}]`, strict: true });
}

/** Opens the dialog behind `trigger`, checks it speaks only Arabic, and closes it. */
async function expectDialogArabic(page: Page, trigger: string) {
  await page.getByRole("button", { name: trigger, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expectNoEnglish(page, { scope: "[role=dialog]", strict: true });
  await dialog.getByRole("button", { name: "إغلاق" }).first().click();
  await expect(dialog).toBeHidden();
}

test("in Arabic, an admin searches an order, opens it and refunds part of it", async ({ page, request }) => {
  const uuid = await paidCheckoutAtPoints(request, "E2E-AR", 300);
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }));
  await openPaidOrder(page, uuid); // the webhook has been processed
  const orderNumber = await orderNumberOf(uuid);

  await page.goto("/orders");
  await expect(page.getByRole("heading", { level: 1, name: "الطلبات" })).toBeVisible();
  await page.locator("#orders-filter-q").fill(orderNumber);
  await page.locator("#orders-filter-q").press("Enter");
  const exact = page.getByTestId("exact-match");
  await expect(exact).toContainText(orderNumber);
  await expectNoEnglish(page, { scope: "[data-testid=order-results]", strict: true });
  await exact.getByRole("link", { name: "افتح الطلب" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${uuid}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orderNumber);
  await expect(page.getByTestId("refundable-amount")).toHaveText(AR_SAR(300));

  await page.getByRole("button", { name: "استرداد…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`المتبقي للاسترداد حتى ${AR_SAR(300)}`);
  await dialog.getByLabel("المبلغ (ريال سعودي)").fill("100");
  await dialog.getByLabel("السبب", { exact: true }).fill("تلف منتج واحد");
  await dialog.getByRole("button", { name: "أرسل الاسترداد" }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, "أُرسل الاسترداد إلى نقاط")).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("مسترد جزئيًا");
  await expect(page.getByTestId("refundable-amount")).toHaveText(AR_SAR(200));
  await expect(page.getByTestId("refund-source")).toContainText(`استرداد واحد عبر عمليات نقاط (${AR_SAR(100)})`);
  expect(await refundCalls(request, uuid)).toBe(1);
  await expectOrderPageArabic(page);

  // More than is left: the refusal is the server's, in Arabic, inside the dialog.
  await page.getByRole("button", { name: "استرداد…" }).click();
  await dialog.getByLabel("المبلغ (ريال سعودي)").fill("250");
  await dialog.getByLabel("السبب", { exact: true }).fill("محاولة زائدة");
  // The browser's own check (max) would stop the form first: lift it to reach the server's.
  await dialog.getByLabel("المبلغ (ريال سعودي)").evaluate((input) => input.removeAttribute("max"));
  await dialog.getByRole("button", { name: "أرسل الاسترداد" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(`المتبقي للاسترداد ${AR_SAR(200)} على الأكثر.`);
  expect(await refundCalls(request, uuid)).toBe(1);
});

test("in Arabic, a large refund waits on the approvals page, whose decision dialogs speak Arabic", async ({
  page,
  browser,
  request,
}, testInfo) => {
  const uuid = await paidCheckoutAtPoints(request, "E2E-AR-BIG", 2000);
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }));
  await openPaidOrder(page, uuid);
  await page.getByRole("button", { name: "استرداد…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("المبلغ (ريال سعودي)").fill("1500");
  await dialog.getByLabel("السبب", { exact: true }).fill("أُعيد الطلب");
  await dialog.getByRole("button", { name: "أرسل الاسترداد" }).click();
  await expect(toast(page, /الطلب بانتظار الموافقة/)).toBeVisible();
  expect(await refundCalls(request, uuid)).toBe(0);

  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const second = await context.newPage();
  try {
    await signInAs(second, await createStaffUser("admin", { locale: "ar" }));
    await second.goto("/approvals");
    await expect(second.getByRole("heading", { level: 1, name: "الموافقات" })).toBeVisible();
    const orderNumber = await orderNumberOf(uuid);
    const row = second.getByTestId("approval-row").filter({ hasText: orderNumber });
    await expect(row).toContainText(AR_SAR(1500));
    await expectNoEnglish(second, { strict: true });
    await row.getByRole("button", { name: "موافقة" }).click();
    await expect(second.getByRole("dialog")).toContainText(AR_SAR(1500));
    await expectNoEnglish(second, { scope: "[role=dialog]", strict: true });
    await second.getByRole("dialog").getByLabel("كلمة مرورك").fill("wrong password");
    await second.getByRole("dialog").getByRole("button", { name: "وافق وأرسل" }).click();
    await expect(second.getByRole("dialog").getByRole("alert")).toHaveText(
      "كلمة المرور غير صحيحة؛ لم تتم الموافقة على الاسترداد.",
    );
    await second.getByRole("dialog").getByRole("button", { name: "إغلاق" }).first().click();
    await row.getByRole("button", { name: "رفض" }).click();
    await expectNoEnglish(second, { scope: "[role=dialog]", strict: true });
    await second.getByRole("dialog").getByRole("button", { name: "ارفض الاسترداد" }).click();
    await expect(toast(second, "رُفض طلب الاسترداد؛ لم يُتصل بنقاط.")).toBeVisible();
    expect(await refundCalls(request, uuid)).toBe(0);
  } finally {
    await context.close();
  }
});

test("no English on the orders list, its admin dialogs, an order page and every order action dialog", async ({
  page,
}) => {
  const fresh = await seedArabicOrder("replacing", "new");
  const authorized = await seedArabicOrder("replacing", "authorized");
  const paid = await seedArabicOrder("earning", "approved");
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }));

  await page.goto("/orders");
  await expectNoEnglish(page, { scope: HEADER, strict: true });
  await expectNoEnglish(page, { scope: "[data-testid=order-results]", strict: true });
  await expectDialogArabic(page, "امنح نقاطًا…");
  await expectDialogArabic(page, "رابط دفع…");

  await page.goto(`/orders/${fresh.uuid}`);
  await expectOrderPageArabic(page);
  await expect(page.getByTestId("order-actions").getByRole("button")).toHaveText([
    "إلغاء الطلب…",
    "تحديث الشحن…",
    "إكمال…",
    "تفويض…",
  ]);
  for (const trigger of ["تفويض…", "إكمال…", "إلغاء الطلب…", "تحديث الشحن…"]) await expectDialogArabic(page, trigger);

  await page.goto(`/orders/${authorized.uuid}`);
  await expectDialogArabic(page, "تحصيل…");
  await page.goto(`/orders/${paid.uuid}`);
  await expectDialogArabic(page, "استرداد…");

  // An order no webhook brought, and a path that is no uuid at all.
  await page.goto(`/orders/${randomUUID()}`);
  await expect(page.getByRole("button", { name: "اجلبه من نقاط" })).toBeVisible();
  await expectNoEnglish(page, { strict: true });
  await page.goto("/orders/not-a-uuid");
  await expect(page.getByRole("link", { name: "العودة إلى الطلبات" })).toBeVisible();
  await expectNoEnglish(page, { strict: true });
});

/** What a cell or card looks like, as the browser computed it. */
const looks = (element: Locator) =>
  element.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      display: s.display,
      align: s.textAlign,
      padding: `${s.paddingTop} ${s.paddingInlineStart}`,
      rule: s.borderBottomWidth,
      numerals: s.fontVariantNumeric,
    };
  });

test("in Arabic, the order table's cells start on the right, its amounts line up on the left, padded and ruled", async ({
  page,
}) => {
  const orders = [await seedArabicOrder("earning", "approved"), await seedArabicOrder("earning", "approved")];
  await signInAs(page, await createStaffUser("support", { locale: "ar" }), { landOn: "/orders?q=AR-ORD-" });
  const rows = page.getByTestId("order-row");
  for (const order of orders) await expect(rows.filter({ hasText: order.orderNumber })).toBeVisible();
  expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  // Cells take padding, rule and alignment from the table (.data-table); a numeric cell keeps its own alignment.
  const first = rows.first().locator("td");
  expect(await looks(first.nth(2))).toMatchObject({ align: "start", padding: "8px 12px", rule: "1px" });
  expect(await looks(first.nth(5))).toMatchObject({ align: "end", numerals: "tabular-nums", padding: "8px 12px" });
  expect(await first.nth(4).getAttribute("dir")).toBe("auto");
  expect(await first.nth(2).getAttribute("dir")).toBeNull();
  expect(await looks(rows.last().locator("td").nth(2))).toMatchObject({ rule: "0px" });
});

test.describe("mobile", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("at 390 px each order is a card with its number, status, type, amount and date, the whole card a link, and nothing overflows", async ({
    page,
  }) => {
    const order = await seedArabicOrder("earning", "approved");
    await signInAs(page, await createStaffUser("support", { locale: "ar" }), {
      landOn: `/orders?q=${order.orderNumber}`,
    });
    // One table at every width: on a phone its row is the card (.order-table in app/globals.css).
    const card = page.getByTestId("order-row").filter({ hasText: order.orderNumber });
    await expect(card).toBeVisible();
    await expect(card).toContainText("معتمد");
    await expect(card).toContainText(AR_SAR(240));
    await expect(card).toContainText("اكتساب");
    const date = card.locator("td").nth(7);
    // The date's word comes from the table's --updated-label, drawn before the date.
    expect(await date.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"حُدّث "');
    expect(await looks(card)).toMatchObject({ display: "grid", padding: "12px 16px", rule: "1px" });
    await expect(card.locator("td").nth(1)).toBeHidden(); // the reference, shipping and points stay on wide screens
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    // The number's link covers the card: its date line, far from the number, opens the order too.
    await date.scrollIntoViewIfNeeded();
    const box = (await date.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page).toHaveURL(new RegExp(`/orders/${order.uuid}$`));
    await expect(page.getByTestId("order-summary")).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "تحديث الشحن…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "حدّث الشحن" })).toBeInViewport();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
