// The Arabic-first shell: language per user (first sign-in follows the
// browser), RTL, dark mode, the overview's links, the command palette, the
// shortcuts, the mobile menu and no English in Arabic (axe on every page:
// every-page.spec.ts).
import { expect, test, type Page } from "@playwright/test";
import { expectNoEnglish } from "./helpers/no-english";
import { seedOrder } from "./helpers/seed-order";
import { createStaffUser, e2eDb } from "./helpers/staff-user";
import { signInAs, signInWithForm, signOut } from "./helpers/sign-in";

// Each test signs in (a password hash) and some several times.
test.describe.configure({ timeout: 120_000 });

const html = (page: Page) => page.locator("html");

async function storedPreferences(email: string) {
  const db = e2eDb();
  try {
    return await db.user.findUniqueOrThrow({ where: { email }, select: { locale: true, theme: true } });
  } finally {
    await db.$disconnect();
  }
}

test.describe("language", () => {
  test.use({ locale: "ar-SA" });

  test("the first sign-in follows the browser; a switch in the header sticks across sign-ins", async ({ page }) => {
    const email = await createStaffUser("ops");
    await page.goto("/signin");
    await expect(html(page)).toHaveAttribute("lang", "ar");
    await expect(html(page)).toHaveAttribute("dir", "rtl");

    await signInWithForm(page, email);
    await expect(page.getByRole("heading", { level: 1, name: "نظرة عامة" })).toBeVisible();
    await expect(html(page)).toHaveAttribute("dir", "rtl");
    expect((await storedPreferences(email)).locale).toBe("ar");

    await page.getByTestId("language-switch").click();
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(html(page)).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

    // The browser still asks for Arabic: the user's own choice wins from now on.
    await signOut(page);
    await expect(html(page)).toHaveAttribute("lang", "en");
    await signInWithForm(page, email);
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

    await page.getByTestId("language-switch").click();
    await expect(html(page)).toHaveAttribute("dir", "rtl");
    await signOut(page);
    await signInWithForm(page, email);
    await expect(html(page)).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("navigation", { name: "القائمة الرئيسية" })).toBeVisible();
  });
});

test("the sign-in page's own switch changes its language before anyone signs in", async ({ page }) => {
  await page.goto("/signin");
  await expect(html(page)).toHaveAttribute("lang", "en");
  await page.getByTestId("language-switch").click();
  await expect(html(page)).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تسجيل الدخول إلى عمليات نقاط");
  await expectNoEnglish(page, { strict: true });
});

test("the overview's figures open the lists they count", async ({ page }) => {
  const order = await seedOrder({ orderStatus: "cancelled" });
  const db = e2eDb();
  const cancelled = await db.order.count({ where: { orderStatus: "cancelled" } });
  await db.$disconnect();
  await signInAs(page, await createStaffUser("admin"));

  const figure = page.getByTestId("orders-status-cancelled");
  await expect(figure).toContainText(String(cancelled));
  await figure.click();
  await expect(page).toHaveURL(/\/orders\?status=cancelled$/);
  // The wide table's row (the phone card of the same order is hidden at this width).
  await expect(page.getByRole("table").getByText(order.orderNumber)).toBeVisible();

  await page.goto("/");
  await page.getByTestId("deliveries-failed-today").click();
  await expect(page).toHaveURL(/\/webhooks\?status=failed&from=\d{4}-\d\d-\d\dT00%3A00$/);

  await page.goto("/");
  await page.getByTestId("open-differences").click();
  await expect(page).toHaveURL(/\/reconciliation\?status=open$/);

  await page.goto("/");
  await page.getByTestId("queue-depth").click();
  await expect(page).toHaveURL(/\/webhooks\?status=pending$/);
});

test("a viewer's overview shows orders only, not the ops figures", async ({ page }) => {
  await signInAs(page, await createStaffUser("viewer"));
  await expect(page.getByTestId("overview-orders")).toBeVisible();
  await expect(page.getByTestId("overview-deliveries")).toHaveCount(0);
  await expect(page.getByTestId("overview-alerts")).toHaveCount(0);
});

test("the command palette jumps to an order by number and by uuid, and to pages", async ({ page }) => {
  const order = await seedOrder({ orderStatus: "captured" });
  await signInAs(page, await createStaffUser("support"));

  await page.keyboard.press("Control+k");
  const palette = page.getByTestId("command-palette");
  await expect(palette).toBeVisible();
  await palette.getByRole("combobox").fill(order.orderNumber);
  await expect(palette.getByTestId("palette-order")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/orders/${order.uuid}$`));

  await page.getByTestId("palette-button").click();
  await palette.getByRole("combobox").fill(order.uuid);
  await palette.getByTestId("palette-order").click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.uuid}$`));

  // Support may not open webhooks: the palette does not offer it.
  await page.keyboard.press("Control+k");
  await palette.getByRole("combobox").fill("Webhooks");
  await expect(palette.getByRole("option")).toHaveCount(0);
  await palette.getByRole("combobox").fill("Overview");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/:\d+\/$/);
});

test("keyboard shortcuts: ? lists them, g then o goes to orders", async ({ page }) => {
  await signInAs(page, await createStaffUser("ops"));
  await page.locator("main").click();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-dialog")).toBeVisible();
  await expect(page.getByTestId("shortcuts-dialog")).toContainText("Go to orders");
  await page.keyboard.press("Escape");
  await page.keyboard.press("g");
  await page.keyboard.press("o");
  await expect(page).toHaveURL(/\/orders$/);
});

test.describe("theme", () => {
  test.use({ colorScheme: "light" });

  test("the dark mode toggle applies at once and stays after a reload and a new sign-in", async ({ page }) => {
    const email = await createStaffUser("ops");
    await signInWithForm(page, email);
    await expect(html(page)).toHaveAttribute("data-theme", "system");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();

    await page.getByTestId("theme-toggle").click();
    await expect(html(page)).toHaveAttribute("data-theme", "dark");
    await expect.poll(background).not.toBe(light);
    await expect.poll(async () => (await storedPreferences(email)).theme).toBe("dark");

    await page.reload();
    await expect(html(page)).toHaveAttribute("data-theme", "dark");
    await signOut(page);
    await signInWithForm(page, email);
    await expect(html(page)).toHaveAttribute("data-theme", "dark");
    expect(await background()).not.toBe(light);
  });
});

test.describe("mobile", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("at 390 px the navigation folds into a menu that opens, navigates and closes", async ({ page }) => {
    await signInAs(page, await createStaffUser("ops"));
    await expect(page.getByTestId("sidebar")).toBeHidden();
    await page.getByTestId("menu-button").click();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Reconciliation" }).click();
    await expect(page).toHaveURL(/\/reconciliation$/);
    await expect(nav).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("no English in Arabic", () => {
  test("the shell, the overview, the palette and the dialogs speak only Arabic", async ({ page }) => {
    await signInAs(page, await createStaffUser("admin", { locale: "ar" }));
    await expectNoEnglish(page, { strict: true });

    await page.keyboard.press("Control+k");
    await expect(page.getByTestId("command-palette")).toBeVisible();
    await expectNoEnglish(page, { scope: "[data-testid=command-palette]", strict: true });
    await page.keyboard.press("Escape");

    await page.locator("main").click();
    await page.keyboard.press("?");
    await expectNoEnglish(page, { scope: "[data-testid=shortcuts-dialog]", strict: true });
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "تفضيلات العرض" }).click();
    await expectNoEnglish(page, { scope: "[data-testid=preferences-dialog]", strict: true });
  });

  test("the checker itself catches English left in an Arabic page", async ({ page }) => {
    await signInAs(page, await createStaffUser("ops", { locale: "ar" }));
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "Waiting in the queue";
      document.querySelector("main")!.append(p);
    });
    await expect(expectNoEnglish(page)).rejects.toThrow(/Waiting in the queue/);
  });
});
