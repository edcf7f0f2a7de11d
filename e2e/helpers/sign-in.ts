// Signs in through the real form, as a person would, with the demo users the runner seeds.
import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";

export const DEMO_PASSWORD = "points-demo";

export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Generous: on a loaded machine the password check alone can take seconds.
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 30_000 });
}

export function signIn(page: Page, role: Role): Promise<void> {
  return signInAs(page, `${role}@example.com`);
}
