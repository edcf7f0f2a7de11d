// Staff-side steps shared by the order specs: a second admin for two-person
// refunds, signing in as any user, the refund dialog and the toasts.
import { expect, type Page } from "@playwright/test";
import { createDb } from "@/lib/db/prisma";
import { demoPasswordHash } from "./staff-user";

export { signInAs } from "./sign-in";

// The demo seed has one admin; two-person refunds need another.
export const SECOND_ADMIN = { email: "second-admin@example.com", name: "Second Admin" };

export async function ensureSecondAdmin(): Promise<void> {
  const db = createDb(process.env.E2E_DATABASE_URL ?? "");
  try {
    const passwordHash = await demoPasswordHash();
    await db.user.upsert({
      where: { email: SECOND_ADMIN.email },
      create: { ...SECOND_ADMIN, role: "admin", passwordHash },
      update: {},
    });
  } finally {
    await db.$disconnect();
  }
}

export const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: /Notifications/ }).getByText(text);

export async function requestRefund(page: Page, amount: string, reason: string): Promise<void> {
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Amount (SAR)").fill(amount);
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Send refund" }).click();
  await expect(dialog).toBeHidden();
}
