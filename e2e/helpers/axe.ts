// axe's serious and critical findings on the page as it is, one line each.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * An axe run in the page itself. The builder's default runs each frame's part
 * and then combines them in a blank page it opens for the purpose, which cost
 * ~1 s a call here (half the every-page walk's axe time); our pages have no
 * cross-origin frames, the one case that needs it. Only violations are
 * collected: the passes are never read.
 */
export const axeOf = (page: Page) =>
  new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });

export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // After a client navigation React swaps the hoisted <title> for the new page's a moment after the content
  // (CI caught axe in that gap once). A page whose title never comes still fails: axe then reports it.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  const builder = axeOf(page);
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * The views axe checks: each language once and each theme once. The colour
 * tokens are shared by every page and both directions (globals.css), so the two
 * together cover what a language or a theme can change, at half the time of all
 * four pairs (the suite must fit CI's time).
 */
export const AXE_VIEWS = [
  { locale: "en", theme: "light" },
  { locale: "ar", theme: "dark" },
] as const;
