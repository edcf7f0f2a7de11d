// Signs in through the real form, as a person would, with the demo users the runner seeds.
import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";

export const DEMO_PASSWORD = "points-demo";

export async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto("/signin");
  await page.locator("#email").fill(`${role}@example.com`);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}
