// Reconciliation steps shared by specs: drifting our copy of an order and a "Run now" to completion.
import { expect, type Page } from "@playwright/test";
import { createDb } from "@/lib/db/prisma";
import { toast } from "./staff";

/** Our copy of the order drifts from Points' (as after a lost webhook or a bad write). */
export async function drift(uuid: string, set: string) {
  const db = createDb(process.env.E2E_DATABASE_URL ?? "");
  try {
    await db.$executeRawUnsafe(`UPDATE orders SET ${set} WHERE points_uuid = $1::uuid`, uuid);
  } finally {
    await db.$disconnect();
  }
}
export const differenceRow = (page: Page, uuid: string) =>
  page.getByTestId("difference-row").and(page.locator(`[data-order-uuid="${uuid}"]`));

export async function runNow(page: Page) {
  await page.goto("/reconciliation");
  await page.getByRole("button", { name: "Run now" }).click();
  const progress = page.getByTestId("run-progress");
  await expect(progress).toBeVisible();
  await expect(progress.getByRole("progressbar", { name: "Reconciliation progress" })).toBeVisible();
  await expect(progress.getByTestId("run-status")).toHaveText("completed", { timeout: 30_000 });
  await expect(toast(page, "Reconciliation finished")).toBeVisible();
  const counts = await progress.getByTestId("run-counts").textContent();
  const [, done, planned] = /^([\d,]+) of ([\d,]+) checked/.exec(counts ?? "") ?? [];
  expect(done).toBe(planned);
}
