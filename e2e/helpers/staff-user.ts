// A staff user of its own for a test that changes the user's preferences, so
// the shared demo users keep English and the light theme for every other spec.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { createDb } from "@/lib/db/prisma";
import { DEMO_PASSWORD } from "./sign-in";

export const e2eDb = () => createDb(process.env.E2E_DATABASE_URL ?? "");

export async function createStaffUser(
  role: Role,
  prefs: { locale?: "en" | "ar"; theme?: "system" | "light" | "dark" } = {},
): Promise<string> {
  const db = e2eDb();
  try {
    const email = `i18n-${role}-${randomUUID().slice(0, 8)}@example.com`;
    await db.user.create({
      data: { email, name: `I18n ${role}`, role, passwordHash: await hashPassword(DEMO_PASSWORD), ...prefs },
    });
    return email;
  } finally {
    await db.$disconnect();
  }
}

/** Signs in through the form in whichever language it shows. */
export async function signInAs(page: Page, email: string, timeout = 30_000): Promise<void> {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page
    .locator("form")
    .filter({ has: page.locator("#password") })
    .locator("button[type=submit]")
    .click();
  // A sign-in hashes a password and renders the first page: generous on a busy machine.
  await expect(page).not.toHaveURL(/\/signin/, { timeout });
}

export async function signOut(page: Page): Promise<void> {
  await page.locator("header form button[type=submit]").click();
  await expect(page).toHaveURL(/\/signin/);
}
