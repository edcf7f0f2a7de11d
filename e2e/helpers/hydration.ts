// The page marks itself interactive once it has hydrated (components/providers/use-mark-hydrated.ts):
// before that, a click lands on HTML with no handler and a moved clock moves no timer.
import type { Page } from "@playwright/test";

export async function waitUntilHydrated(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
