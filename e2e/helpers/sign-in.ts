// Signs in through the real form, as a person would, with the demo users the runner seeds.
import { expect, type Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { createDb } from "@/lib/db/prisma";

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

// The demo seed has one admin; two-person refunds need another.
export const SECOND_ADMIN = { email: "second-admin@example.com", name: "Second Admin" };

export async function ensureSecondAdmin(): Promise<void> {
  const db = createDb(process.env.E2E_DATABASE_URL ?? "");
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.user.upsert({
      where: { email: SECOND_ADMIN.email },
      create: { ...SECOND_ADMIN, role: "admin", passwordHash },
      update: {},
    });
  } finally {
    await db.$disconnect();
  }
}
