// The admin pages in Arabic: the thresholds form's errors, an admin changes a
// role in Arabic and finds it in the audit log in Arabic, and Go-live shows its
// times as Riyadh wall time. That every admin page and dialog shows no English
// and passes axe is walked in every-page.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { expectNoEnglish } from "./helpers/no-english";
import { createStaffUser, e2eDb } from "./helpers/staff-user";
import { signInAs } from "./helpers/sign-in";

// Each test signs in (a password hash) and walks several server-rendered pages.
test.describe.configure({ timeout: 180_000 });

const dialog = (page: Page) => page.getByRole("dialog");

test("the alert thresholds form says its errors in Arabic", async ({ page }) => {
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }), { landOn: "/settings/alerts" });
  const windowField = page.locator("#threshold-points5xx-windowMinutes");
  await windowField.fill("0");
  await page.getByRole("button", { name: "حفظ الحدود" }).click();
  await expect(page.locator("#threshold-points5xx-windowMinutes-hint")).toHaveText("يجب ألا يقل عن 1");
  await expect(page.getByText("لم يُحفظ شيء: حقل واحد يحتاج قيمة أخرى.")).toBeVisible();
  await expectNoEnglish(page, { strict: true });
});

test("an admin changes a user's role in Arabic and finds it in the audit log in Arabic", async ({ page }) => {
  const target = await createStaffUser("viewer");
  await signInAs(page, await createStaffUser("admin", { locale: "ar" }), { landOn: "/settings/users" });
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

    await signInAs(page, admin, { landOn: "/go-live" });
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
