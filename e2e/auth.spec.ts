import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "points-demo";
const ROLES = [
  { role: "viewer", nav: ["Orders"], hidden: ["Webhooks", "Settings"] },
  { role: "support", nav: ["Orders"], hidden: ["Webhooks", "Settings"] },
  { role: "ops", nav: ["Orders", "Webhooks", "Reconciliation", "Alerts", "Go-live"], hidden: ["Settings"] },
  { role: "admin", nav: ["Orders", "Webhooks", "Reconciliation", "Alerts", "Go-live", "Settings"], hidden: [] },
] as const;

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("sign-in", () => {
  for (const { role, nav, hidden } of ROLES) {
    test(`${role} signs in and sees the shell with the navigation of the role`, async ({ page }) => {
      await submitSignIn(page, `${role}@example.com`, PASSWORD);
      await expect(page).toHaveURL(/:\d+\/$/);
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      const navigation = page.getByRole("navigation");
      await expect(page.getByText(`${role}@example.com`).first()).toBeVisible();
      for (const label of nav)
        await expect(navigation.getByRole("link", { name: label, exact: true }).first()).toBeVisible();
      for (const label of hidden)
        await expect(navigation.getByRole("link", { name: label, exact: true })).toHaveCount(0);
    });
  }

  test("a wrong password shows a clear error and no session", async ({ page }) => {
    await submitSignIn(page, "support@example.com", "not-the-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an unknown email gets the same error as a wrong password", async ({ page }) => {
    await submitSignIn(page, "nobody@example.com", "whatever");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  });

  test("repeated failures are slowed down", async ({ page }) => {
    const email = `throttle-${Date.now()}@example.com`;
    for (let i = 0; i < 4; i++) {
      await submitSignIn(page, email, "wrong");
      await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    }
    // After the free failures each try must wait 1 s, then 2 s, 4 s …: a slow machine may take longer
    // than the first waits between two tries, but the doubling soon outruns it.
    let throttled = false;
    for (let i = 0; i < 6 && !throttled; i++) {
      await submitSignIn(page, email, "wrong");
      const error = page.getByTestId("sign-in-error");
      await expect(error).toHaveText(/Wrong email or password|Too many failed attempts/);
      throttled = (await error.textContent())!.includes("Too many failed attempts");
    }
    expect(throttled).toBe(true);
  });

  test("sign-out ends the session", async ({ page }) => {
    await submitSignIn(page, "ops@example.com", PASSWORD);
    await expect(page).toHaveURL(/:\d+\/$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/webhooks");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("roles", () => {
  test("a viewer is refused the ops and admin pages on the server", async ({ page }) => {
    await submitSignIn(page, "viewer@example.com", PASSWORD);
    await expect(page).toHaveURL(/:\d+\/$/);
    for (const path of ["/webhooks", "/reconciliation", "/settings"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
  });

  test("ops is refused the admin-only settings page", async ({ page }) => {
    await submitSignIn(page, "ops@example.com", PASSWORD);
    await expect(page).toHaveURL(/:\d+\/$/);
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(403);
  });

  test("API routes refuse strangers and cron routes want the cron secret", async ({ request }) => {
    const cron = await request.get("/api/cron/webhooks");
    expect(cron.status()).toBe(401);
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });
});
