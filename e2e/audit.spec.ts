// The audit log: sign-ins are listed, filters live in the URL, the CSV export carries them, admin only.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInWithForm } from "./helpers/sign-in";

const HEADER = "id,time_riyadh,actor_name,actor_email,action,target,detail";

async function failSignIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
}

const rows = (page: Page) => page.getByTestId("audit-row");

test.describe("audit log", () => {
  test("an admin sees sign-ins, filters by action and exports what the page shows", async ({ page }) => {
    const stranger = `audit-stranger-${Date.now()}@example.com`;
    await failSignIn(page, stranger);
    await signInWithForm(page, "admin@example.com");
    await page.getByRole("navigation").getByRole("link", { name: "Audit log", exact: true }).first().click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

    const ownSignIn = rows(page).filter({ hasText: "auth.sign_in" }).filter({ hasText: "admin@example.com" }).first();
    await expect(ownSignIn).toBeVisible();
    await expect(ownSignIn).toContainText("Demo Admin");
    await ownSignIn.getByText('{"method":"password"}').click();
    await expect(ownSignIn.locator("pre")).toContainText('"method": "password"');
    const failed = rows(page).filter({ hasText: stranger });
    await expect(failed).toContainText("auth.sign_in_failed");
    await expect(failed.getByRole("cell").nth(1)).toHaveText("—");

    await page.getByLabel("Action").selectOption("auth.sign_in");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/audit\?action=auth\.sign_in$/);
    await expect(rows(page).filter({ hasText: stranger })).toHaveCount(0);
    await expect(rows(page).first()).toBeVisible();
    for (const row of await rows(page).all()) {
      await expect(row.getByTestId("audit-action-name")).toHaveText("auth.sign_in");
      await expect(row.getByTestId("audit-action")).toHaveText("Signed in");
    }

    const exportLink = page.getByRole("link", { name: "Export CSV" });
    await expect(exportLink).toHaveAttribute("href", "/api/audit/export?action=auth.sign_in");
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^points-ops-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(
      lines.some((l) =>
        /^\d+,[^,]+\+03:00,Demo Admin,admin@example\.com,auth\.sign_in,admin@example\.com,"\{""method"":""password""\}"$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(csv).not.toContain(stranger);
    expect(lines.at(-1)).toBe("");
  });

  test("a bad filter is explained on the page and refused by the export", async ({ page }) => {
    await signIn(page, "admin", "/audit?action=nonsense");
    await expect(page.getByText("“Action” is not one of the offered choices.")).toBeVisible();
    const response = await page.request.get("/api/audit/export?from=yesterday");
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'The filter "from" must be a date and time.' });
  });

  test("support staff get 403 on the page and the export; strangers 401 on the export", async ({ page, request }) => {
    await signIn(page, "support");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Audit log" })).toHaveCount(0);
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();

    const refused = await page.request.get("/api/audit/export");
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ ok: false, error: "Your role does not allow this." });

    const anonymous = await request.get("/api/audit/export");
    expect(anonymous.status()).toBe(401);
  });
});
