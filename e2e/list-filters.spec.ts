// Hostile filters on every list and export: a NUL byte, an over-long string or a
// year-0000 date is a clear 400 from the routes and a readable error on the
// pages, never a 500 or an error page (lib/http/hostile-filters.test.ts covers
// each parser).
import { randomUUID } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";
import { formatDate } from "@/lib/i18n/format";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { riyadhDayStart } from "@/lib/time/riyadh";
import { seriousViolations } from "./helpers/axe";
import { signIn, signInAs } from "./helpers/sign-in";
import { createStaffUser, e2eDb } from "./helpers/staff-user";

const LONG = "z".repeat(5_000);

test("the list routes answer 400 with a reason for filters the store cannot hold", async ({ page }) => {
  await signIn(page, "admin");
  const cases = [
    "/api/webhooks/deliveries?q=%00",
    `/api/webhooks/deliveries?q=${LONG}`,
    "/api/webhooks/deliveries?from=0000-01-01T00:00",
    "/api/audit/export?actor=a%00b",
    "/api/audit/export?target=%00",
    "/api/audit/export?from=0000-01-01T00:00:00Z",
    "/api/audit/export?to=10000-01-01T00:00:00Z",
  ];
  for (const url of cases) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(400);
    expect(((await response.json()) as { error: string }).error, url).toMatch(/^The filter "\w+" /);
  }
});

test("the list pages show a filter error, not an error page, for the same filters", async ({ page }) => {
  await signIn(page, "admin");
  // The reason names the field by its label in the filter bar and the problem in words.
  const cases = [
    ["/orders?q=%00", "This search cannot be used", "“Order number, reference or Points uuid” contains a character"],
    ["/orders?from=0000-01-01", "This search cannot be used", "“Updated at Points from (Riyadh)” must be a day."],
    ["/webhooks?q=%00", "This filter cannot be used", "“Order number or Points uuid” contains a character"],
    ["/webhooks?to=0000-01-01T00:00", "This filter cannot be used", "“to” must be a date and time."],
    ["/reconciliation?q=%00", "This filter cannot be used", "“Order number or Points uuid” contains a character"],
    [`/reconciliation?q=${LONG}`, "This filter cannot be used", "“Order number or Points uuid” is too long."],
    ["/audit?actor=%00", "This filter cannot be used", "“Actor email” contains a character"],
    ["/audit?from=0000-01-01T00:00", "This filter cannot be used", "“From (Riyadh)” must be a date and time."],
  ] as const;
  for (const [url, title, reason] of cases) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await expect(page.getByText(title), url).toBeVisible();
    await expect(page.getByText(reason).first(), url).toBeVisible();
  }
});

// The date and time fields of the filter bar (components/lists/date-field.tsx): day first in the reader's
// digits and calendar, typed by keyboard, and submitting the same URL values the lists have always read.
const ORDER_DAYS = ["2021-03-10", "2021-03-12", "2021-03-14"] as const;

/** Three orders, one updated at Points at Riyadh noon on each of ORDER_DAYS, under one number prefix. */
async function seedOrdersOnDays() {
  const prefix = `DF-${randomUUID().slice(0, 6).toUpperCase()}`;
  const db = e2eDb();
  try {
    const numbers: string[] = [];
    for (const [i, day] of ORDER_DAYS.entries()) {
      const orderNumber = `${prefix}-${i}`;
      const at = new Date(`${day}T12:00:00+03:00`).toISOString();
      await applyOrderSnapshot(db, {
        uuid: randomUUID(),
        orderNumber,
        referenceNumber: `REF-${randomUUID().slice(0, 8)}`,
        type: "earning",
        orderStatus: "approved",
        paymentStatus: "paid",
        totalPrice: 100,
        totalPoints: 10,
        metadata: {},
        createdAt: at,
        updatedAt: at,
      });
      numbers.push(orderNumber);
    }
    return { prefix, numbers };
  } finally {
    await db.$disconnect();
  }
}

const part = (field: Locator, name: string) => field.getByRole("textbox", { name, exact: true });
const partValues = (field: Locator) =>
  field.getByRole("textbox").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
const xOf = async (locator: Locator) => (await locator.boundingBox())!.x;

test("in Arabic the date field reads day first in Arabic-Indic digits with its Hijri reading, and a range selects the right orders", async ({
  page,
}) => {
  // Two axe runs on full pages: slow on a busy machine.
  test.setTimeout(180_000);
  const { prefix, numbers } = await seedOrdersOnDays();
  const email = await createStaffUser("ops", { locale: "ar", theme: "dark" });
  const db = e2eDb();
  try {
    await db.user.update({ where: { email }, data: { digits: "arab", calendar: "both" } });
  } finally {
    await db.$disconnect();
  }
  await signInAs(page, email, { landOn: "/orders" });
  await page.locator("#orders-filter-q").fill(prefix);
  const from = page.getByRole("group", { name: "آخر تحديث لدى بوينتس من (الرياض)" });
  const to = page.getByRole("group", { name: "إلى", exact: true });

  // Typed in Arabic-Indic digits, shown in them; the day is the first part, at the right of the month in RTL.
  await part(from, "اليوم").pressSequentially("١١");
  await expect(part(from, "الشهر")).toBeFocused();
  await page.keyboard.type("٠٣٢٠٢١");
  await expect.poll(() => partValues(from)).toEqual(["١١", "٠٣", "٢٠٢١"]);
  expect(await xOf(part(from, "اليوم"))).toBeGreaterThan(await xOf(part(from, "الشهر")));
  expect(await xOf(part(from, "الشهر"))).toBeGreaterThan(await xOf(part(from, "السنة")));
  // The chosen day as the reader's calendars word it: Gregorian and Hijri (Umm al-Qura), in Arabic-Indic digits.
  const reading = formatDate(riyadhDayStart("2021-03-11"), { locale: "ar", calendar: "both", digits: "arab" });
  expect(reading).toMatch(/هـ/);
  await expect(page.locator("#orders-filter-from-reading")).toHaveText(reading);

  // Latin digits typed in an Arabic page are shown in the reader's Arabic-Indic digits.
  await part(to, "اليوم").fill("13");
  await part(to, "الشهر").fill("3");
  await part(to, "السنة").fill("2021");
  await expect.poll(() => partValues(to)).toEqual(["١٣", "٠٣", "٢٠٢١"]);
  await page.getByTestId("list-toolbar").getByRole("button", { name: "بحث" }).click();

  await expect(page).toHaveURL(/[?&]from=2021-03-11(&|$)/);
  await expect(page).toHaveURL(/[?&]to=2021-03-13(&|$)/);
  const rows = page.getByTestId("order-row");
  await expect(rows.filter({ hasText: numbers[1]! })).toHaveCount(1);
  await expect(rows.filter({ hasText: numbers[0]! })).toHaveCount(0);
  await expect(rows.filter({ hasText: numbers[2]! })).toHaveCount(0);
  // The page shows the filter it applied, day first in the reader's digits; axe finds nothing serious in it.
  await expect.poll(() => partValues(to)).toEqual(["١٣", "٠٣", "٢٠٢١"]);
  expect(await seriousViolations(page), "/orders").toEqual([]);

  // A time field: the date reads right to left, the time (Riyadh, named) left to right, as Arabic writes it.
  await page.goto(`/webhooks?from=${encodeURIComponent("2021-03-10T06:30:15Z")}`);
  const received = page.getByRole("group", { name: "مستلم من (الرياض)" });
  await expect.poll(() => partValues(received)).toEqual(["١٠", "٠٣", "٢٠٢١", "٠٩", "٣٠", "١٥"]);
  await expect(received).toContainText("بتوقيت الرياض");
  expect(await xOf(part(received, "الساعة"))).toBeLessThan(await xOf(part(received, "الدقيقة")));
  expect(await xOf(part(received, "الدقيقة"))).toBeLessThan(await xOf(part(received, "الثانية")));
  expect(await xOf(part(received, "السنة"))).toBeGreaterThan(await xOf(part(received, "الثانية")));
  expect(await seriousViolations(page), "/webhooks").toEqual([]);
});

test("in English the date field is day first, not mm/dd/yyyy, and works by keyboard alone", async ({ page }) => {
  const { prefix, numbers } = await seedOrdersOnDays();
  await signIn(page, "support", "/orders");
  const from = page.getByRole("group", { name: "Updated at Points from (Riyadh)" });
  const to = page.getByRole("group", { name: "to", exact: true });
  await expect(part(from, "Day")).toHaveAttribute("placeholder", "DD");
  expect(await xOf(part(from, "Day"))).toBeLessThan(await xOf(part(from, "Month")));
  expect(await xOf(part(from, "Month"))).toBeLessThan(await xOf(part(from, "Year")));

  // Keyboard only: the label's field gets focus, each part moves on when full, Tab reaches the next field.
  await page.locator("#orders-filter-q").fill(prefix);
  await page.keyboard.press("Tab");
  for (let i = 0; i < 20 && !(await part(from, "Day").evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(part(from, "Day")).toBeFocused();
  await page.keyboard.type("12032021");
  await expect.poll(() => partValues(from)).toEqual(["12", "03", "2021"]);
  await expect(page.locator("#orders-filter-from-reading")).toHaveText("12 Mar 2021");
  // An incomplete day blocks the search and says why, on the part that is missing.
  await page.keyboard.press("Tab");
  await expect(part(to, "Day")).toBeFocused();
  await page.keyboard.type("14");
  await page.keyboard.press("Enter");
  await expect(part(to, "Month")).toBeFocused();
  expect(await part(to, "Month").evaluate((el) => (el as HTMLInputElement).validationMessage)).toContain(
    "day, month and year",
  );
  expect(page.url()).not.toContain("to=");
  // Arrow keys step a part: 01 then up to 03, and an empty year starts at this year; Backspace goes back a part.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowRight");
  await expect(part(to, "Year")).toBeFocused();
  await page.keyboard.type("2021");
  await expect.poll(() => partValues(to)).toEqual(["14", "03", "2021"]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]from=2021-03-12&to=2021-03-14(&|$)/);
  const rows = page.getByTestId("order-row");
  await expect(rows.filter({ hasText: numbers[1]! })).toHaveCount(1);
  await expect(rows.filter({ hasText: numbers[2]! })).toHaveCount(1);
  await expect(rows.filter({ hasText: numbers[0]! })).toHaveCount(0);
});

test("a time field shows a link's instant as Riyadh wall-clock time and submits the value datetime-local did", async ({
  page,
}) => {
  await signIn(page, "admin");
  // 06:30 UTC is 09:30 in Riyadh.
  await page.goto(`/webhooks?from=${encodeURIComponent("2021-03-10T06:30:15Z")}`);
  const from = page.getByRole("group", { name: "Received from (Riyadh)" });
  await expect.poll(() => partValues(from)).toEqual(["10", "03", "2021", "09", "30", "15"]);
  await expect(from).toContainText("Riyadh");
  const to = page.getByRole("group", { name: "to", exact: true });
  await part(to, "Day").click();
  await page.keyboard.type("11032021");
  await expect(part(to, "Hour")).toBeFocused();
  await page.keyboard.type("1805");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]to=2021-03-11T18%3A05(&|$)/);
  // The instant from the link is kept to the second, in the wall-clock form the bar has always sent.
  await expect(page).toHaveURL(/[?&]from=2021-03-10T09%3A30%3A15(&|$)/);
});
