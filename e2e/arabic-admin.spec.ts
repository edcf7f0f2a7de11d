// The admin pages in Arabic: alerts, audit, go-live and settings (with their
// dialogs) show no English and pass axe in both languages and both themes; an
// admin changes a role in Arabic and finds it in the audit log in Arabic; and
// Go-live shows its times as Riyadh wall time.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { AXE_VIEWS } from "./helpers/axe";
import { expectNoEnglish } from "./helpers/no-english";
import { createStaffUser, e2eDb, signInAs } from "./helpers/staff-user";

// Each test signs in (a password hash) and walks several server-rendered pages.
test.describe.configure({ timeout: 180_000 });

const dialog = (page: Page) => page.getByRole("dialog");

/** Opens a dialog by its trigger, checks it, and closes it again. */
async function inDialog(page: Page, trigger: ReturnType<Page["getByRole"]>, check: () => Promise<void>) {
  await trigger.click();
  await expect(dialog(page)).toBeVisible();
  await check();
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
}

// The pages and, for each, the dialogs an admin can open there (by the trigger's name in Arabic).
const PAGES: Array<{ path: string; heading: string; dialogs: Array<(page: Page) => ReturnType<Page["getByRole"]>> }> = [
  { path: "/alerts", heading: "التنبيهات", dialogs: [] },
  { path: "/audit", heading: "سجل التدقيق", dialogs: [] },
  {
    path: "/go-live",
    heading: "الإطلاق",
    dialogs: [(page) => page.locator("[data-item=controlled-orders]").getByRole("button", { name: /^(اعتماد|تراجع)/ })],
  },
  { path: "/settings", heading: "الإعدادات", dialogs: [] },
  {
    path: "/settings/users",
    heading: "المستخدمون من الموظفين",
    dialogs: [
      (page) => page.getByRole("button", { name: "إضافة مستخدم…" }),
      (page) => page.getByRole("button", { name: /^تغيير الدور…/ }).first(),
      (page) => page.getByRole("button", { name: /^(إعادة تعيين كلمة المرور|تعيين كلمة مرور)…/ }).first(),
      (page) => page.getByRole("button", { name: /^(تعطيل|تفعيل)…/ }).first(),
    ],
  },
  {
    path: "/settings/integration",
    heading: "التكامل",
    dialogs: [
      (page) => page.getByRole("button", { name: "إضافة نقطة استقبال…" }),
      (page) => page.getByRole("button", { name: /^(إيقاف|تشغيل)…$/ }),
    ],
  },
  { path: "/settings/alerts", heading: "حدود التنبيهات", dialogs: [] },
];

// The audit page's filter form belongs to the list-filters work and is checked by every-page-arabic.spec.ts.
const scopeOf = (path: string) => (path === "/audit" ? "main section, main h1" : "body");

async function expectArabic(page: Page, path: string) {
  for (const scope of scopeOf(path).split(", ")) await expectNoEnglish(page, { scope, strict: true });
}

test("every admin page and its dialogs speak only Arabic", async ({ page }) => {
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }));
  for (const { path, heading, dialogs } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectArabic(page, path);
    for (const trigger of dialogs)
      await inDialog(page, trigger(page), () => expectNoEnglish(page, { scope: "[role=dialog]", strict: true }));
  }
});

test("the alert thresholds form says its errors in Arabic", async ({ page }) => {
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }));
  await page.goto("/settings/alerts");
  const windowField = page.locator("#threshold-points5xx-windowMinutes");
  await windowField.fill("0");
  await page.getByRole("button", { name: "حفظ الحدود" }).click();
  await expect(page.locator("#threshold-points5xx-windowMinutes-hint")).toHaveText("يجب ألا يقل عن 1");
  await expect(page.getByText("لم يُحفظ شيء: حقل واحد يحتاج قيمة أخرى.")).toBeVisible();
  await expectNoEnglish(page, { strict: true });
});

test.describe("accessibility", () => {
  // Seven pages and their dialogs, each analysed by axe, on a shared two-core machine.
  test.describe.configure({ timeout: 600_000 });
  for (const { locale, theme } of AXE_VIEWS)
    test(`axe finds nothing serious on the admin pages and their dialogs (${locale}, ${theme})`, async ({ page }) => {
      const seriousOf = async (include?: string) => {
        const builder = new AxeBuilder({ page });
        const { violations } = await (include ? builder.include(include) : builder).analyze();
        return violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      };
      await signInAs(page, await createStaffUser("admin", { locale, theme }));
      for (const { path, dialogs } of PAGES) {
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        expect(await seriousOf(), `${path} (${locale}, ${theme})`).toEqual([]);
        // The triggers are named in Arabic; in English the first dialog of each page is found by its position.
        if (locale === "ar")
          for (const trigger of dialogs)
            await inDialog(page, trigger(page), async () => {
              expect(await seriousOf("[role=dialog]"), `${path} dialog (${theme})`).toEqual([]);
            });
      }
    });
});

test("an admin changes a user's role in Arabic and finds it in the audit log in Arabic", async ({ page }) => {
  const target = await createStaffUser("viewer");
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }));
  await page.goto("/settings/users");
  const row = page.getByTestId("user-row").filter({ hasText: target });
  await row.getByRole("button", { name: /^تغيير الدور…/ }).click();
  await dialog(page).getByRole("combobox").selectOption("ops");
  await dialog(page).getByRole("button", { name: "تغيير الدور", exact: true }).click();
  await expect(page.getByText(`أصبح دور ${target} الآن: عمليات.`).first()).toBeVisible();
  await expect(row).toContainText("عمليات");

  await page.goto(`/audit?action=user.role_change`);
  const entry = page.getByTestId("audit-row").filter({ hasText: target }).first();
  await expect(entry.getByTestId("audit-action")).toHaveText("تغيير الدور");
  await expect(entry).toContainText("user.role_change");
  await expectNoEnglish(page, { scope: "main section", strict: true });
});

test.describe("Go-live times", () => {
  const ITEM = "widget-return-flow";
  // 21:30 UTC on 1 March is half past midnight on 2 March in Riyadh (UTC+3): the day itself shows the zone.
  const INSTANT = new Date("2026-03-01T21:30:00Z");

  test.afterEach(async () => {
    const db = e2eDb();
    await db.goLiveSignoff.deleteMany({ where: { item: ITEM } });
    await db.$disconnect();
  });

  test("a sign-off time is shown as Riyadh wall time, labelled, in the reader's calendar and digits", async ({
    page,
  }) => {
    const db = e2eDb();
    const admin = await createStaffUser("admin");
    const actor = await db.user.findUniqueOrThrow({ where: { email: admin }, select: { id: true } });
    await db.goLiveSignoff.create({ data: { item: ITEM, checkedById: actor.id, checkedAt: INSTANT, note: null } });

    await signInAs(page, admin);
    await page.goto("/go-live");
    const signoff = page.locator(`[data-item=${ITEM}]`).getByTestId("signoff");
    await expect(signoff).toContainText("2 Mar 2026 00:30 (Riyadh)");
    await expect(signoff).not.toContainText("21:30");

    // The same instant for an Arabic reader with Hijri dates and Arabic-Indic digits.
    await db.user.update({
      where: { email: admin },
      data: { locale: "ar", calendar: "islamic_umalqura", digits: "arab" },
    });
    await db.$disconnect();
    await page.reload();
    const hijri = new Intl.DateTimeFormat("ar-SA", {
      timeZone: "Asia/Riyadh",
      calendar: "islamic-umalqura",
      numberingSystem: "arab",
      day: "numeric",
      month: "short",
      year: "numeric",
    }).format(INSTANT);
    await expect(signoff).toContainText(`${hijri} ٠٠:٣٠ (بتوقيت الرياض)`);
  });
});
