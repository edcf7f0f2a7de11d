// Admins manage staff users through the settings page, and each change reaches
// the user's open session on its next request: a new role's navigation, a
// disabled account's end. Also: who may open the page, and the last-admin rule.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { createDb } from "@/lib/db/prisma";
import { signIn } from "./helpers/sign-in";

const EMAIL = `e2e-staff-${Date.now()}@example.com`;
const PASSWORD = "a-long-enough-password";

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function adminOnUsersPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "admin", "/settings/users");
  return page;
}

// By the exact email cell: "admin@example.com" is also the end of "second-admin@example.com".
const row = (page: Page, email: string) =>
  page.getByTestId("user-row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** Opens one of the row's dialogs, submits it, and waits for it to close. */
async function changeUser(page: Page, email: string, trigger: string, fill?: (dialog: Locator) => Promise<unknown>) {
  await row(page, email).getByRole("button", { name: trigger }).click();
  const dialog = page.getByRole("dialog");
  await fill?.(dialog);
  await dialog.locator("button[type=submit]").click();
  await expect(dialog).toBeHidden();
}

test("an admin adds, promotes and disables a user; each change reaches the user's session", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin", "/settings");
  await page.getByRole("link", { name: "Staff users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff users" })).toBeVisible();

  await page.getByRole("button", { name: "Add user…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(EMAIL.toUpperCase());
  await dialog.getByLabel("Name").fill("Sara Support");
  await dialog.getByLabel("Role").selectOption("support");
  await dialog.getByLabel("Initial password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Add user", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, EMAIL)).toContainText("Support");
  await expect(row(page, EMAIL)).toContainText("Password");
  await expect(row(page, EMAIL)).toContainText("Active");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInWith(page, EMAIL, PASSWORD);
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(nav(page).getByRole("link", { name: "Orders", exact: true })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Webhooks", exact: true })).toHaveCount(0);

  const admin = await adminOnUsersPage(browser);
  await changeUser(admin, EMAIL, `Change role… ${EMAIL}`, (d) => d.getByLabel("Role").selectOption("ops"));
  await expect(row(admin, EMAIL)).toContainText("Ops");
  // A role change ends the user's sessions (users.session_version): they sign in again with the new role.
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/signin/);
  await signInWith(page, EMAIL, PASSWORD);
  await expect(nav(page).getByRole("link", { name: "Webhooks", exact: true })).toBeVisible();

  await changeUser(admin, EMAIL, `Disable… ${EMAIL}`);
  await expect(row(admin, EMAIL)).toContainText("Disabled");
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  await signInWith(page, EMAIL, PASSWORD);
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
});

test("ops is refused the users page on the server", async ({ page }) => {
  await signIn(page, "ops");
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("the last active admin cannot disable themselves, and is told why", async ({ page }) => {
  // Other specs may add admins; for this one, admin@ must be the only active one.
  const db = createDb(process.env.E2E_DATABASE_URL ?? "");
  const others = await db.user.findMany({
    where: { role: "admin", disabled: false, NOT: { email: "admin@example.com" } },
    select: { id: true },
  });
  await db.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { disabled: true } });
  try {
    await signIn(page, "admin", "/settings/users");
    await row(page, "admin@example.com").getByRole("button", { name: "Disable…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText("This is the last active admin");
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();
    await page.reload();
    await expect(row(page, "admin@example.com")).toContainText("Active");
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { disabled: false } });
    await db.$disconnect();
  }
});
