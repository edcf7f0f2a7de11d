// Every staff page, found on disk (e2e/helpers/staff-routes.ts), the command
// palette and the shortcuts help, walked once per view (English light, Arabic
// dark: AXE_VIEWS) by an admin, and in Arabic each kind of dialog a page offers. Each page must
// answer 200 with a nonce CSP and no 'unsafe-eval', load with no CSP violation
// or console error (a client module that evaluates code is refused and
// reported here), and axe must find nothing serious or critical; in Arabic,
// no English may show (the strict check), and no context around the page may
// change once it has hydrated (e2e/helpers/context-changes.ts). One walk serves
// every check, so a page added later is checked for all of them without anyone
// listing it.
import { expect, test, type Page } from "@playwright/test";
import { AXE_VIEWS, seriousViolations } from "./helpers/axe";
import { contextChangesAroundMain, watchContextsAroundMain } from "./helpers/context-changes";
import { waitUntilHydrated } from "./helpers/hydration";
import { findEnglish } from "./helpers/no-english";
import { expectPagePolicy } from "./helpers/security-headers";
import { paidCheckoutAtPoints } from "./helpers/sim";
import { createStaffUser, e2eDb } from "./helpers/staff-user";
import { signInAs, signOut } from "./helpers/sign-in";
import { STAFF_ROUTES, staffUrl, type Samples } from "./helpers/staff-routes";

let samples: Samples;

test.beforeAll(async ({ request }) => {
  // An approved checkout order, so that the order page offers its refund, cancel and shipping dialogs.
  const uuid = await paidCheckoutAtPoints(request, "E2E-EVERY", 90);
  const db = e2eDb();
  try {
    await expect
      .poll(async () => (await db.order.findUnique({ where: { pointsUuid: uuid } }))?.orderStatus, { timeout: 30_000 })
      .toBe("approved");
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { pointsOrderUuid: uuid },
      select: { id: true },
    });
    samples = { orderUuid: uuid, deliveryId: String(delivery.id) };
  } finally {
    await db.$disconnect();
  }
});

test("the routes found on disk include every kind of staff page", () => {
  // A sanity check on the discovery itself: static, nested and dynamic pages are all found.
  for (const route of ["/", "/orders", "/orders/[uuid]", "/settings/users", "/webhooks/[id]"])
    expect(STAFF_ROUTES).toContain(route);
});

/** Opens one dialog of each kind the page's main area offers, checks it, and closes it again. */
async function eachDialog(page: Page, check: (label: string) => Promise<void>) {
  const triggers = page.locator('main button[aria-haspopup="dialog"]:not([disabled])');
  // Rows repeat their buttons, told apart by a hidden name (a user's e-mail): the visible label is the kind.
  const labels = await triggers.evaluateAll((buttons) =>
    buttons.map((button) => {
      const copy = button.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll(".sr-only")) hidden.remove();
      return copy.textContent?.trim() ?? "";
    }),
  );
  for (const [i, label] of labels.entries()) {
    if (labels.indexOf(label) !== i) continue;
    await triggers.nth(i).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await check(label);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
}

for (const { locale, theme } of AXE_VIEWS)
  test(`every page and dialog in ${locale} (${theme}): nonce CSP and no violation, nothing serious for axe${locale === "ar" ? ", no English" : ""}`, async ({
    browser,
  }) => {
    // Fourteen pages and their dialogs through axe, on a shared two-core machine.
    test.setTimeout(600_000);
    const context = await browser.newContext({ locale: locale === "ar" ? "ar-SA" : "en-US", colorScheme: theme });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`${page.url()}: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(
          `CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
        ),
      );
    });
    await watchContextsAroundMain(page);
    // Soft: one walk reports every finding, not only the first.
    const check = async (where: string, scope?: string) => {
      expect.soft(await seriousViolations(page, scope), `axe, ${where}`).toEqual([]);
      if (locale === "ar")
        expect.soft(await findEnglish(page, { scope, strict: true }), `English, ${where}`).toEqual([]);
    };

    for (const path of ["/signin", `/checkout/callback?order=NO-SUCH&lang=${locale}`]) {
      const response = await page.goto(path);
      expectPagePolicy(response!.headers(), path);
      // Next put the request's nonce on its own scripts.
      expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
    }
    await page.goto("/signin");
    await check("/signin");

    // A busy machine may take a minute to sign in.
    await signInAs(page, await createStaffUser("admin", { locale, theme }), { timeout: 90_000 });
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    for (const route of STAFF_ROUTES) {
      const response = await page.goto(staffUrl(route, samples));
      expect(response?.status(), route).toBe(200);
      expectPagePolicy(response!.headers(), route);
      // A busy machine renders a page slowly.
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
      await check(route);
      await waitUntilHydrated(page);
      expect.soft(await contextChangesAroundMain(page), `contexts changed after hydration, ${route}`).toEqual([]);
      // A dialog's code and markup are the same in both languages: opened (CSP, axe, English) in the
      // Arabic (dark) view, which has the most to catch, and not again in English (suite time).
      if (locale === "ar") await eachDialog(page, (label) => check(`${route}, dialog "${label}"`, "[role=dialog]"));
    }

    await page.keyboard.press("Control+k");
    await expect(page.getByTestId("command-palette")).toBeVisible();
    await check("the command palette", "[data-testid=command-palette]");
    await page.keyboard.press("Escape");
    await page.locator("body").press("?");
    await expect(page.getByRole("dialog")).toBeVisible();
    await check("the shortcuts help", "[role=dialog]");
    await page.keyboard.press("Escape");

    // The sign-out form and a client-side navigation still work under the policy.
    await page
      .getByRole("navigation", { name: locale === "en" ? "Main" : "القائمة الرئيسية" })
      .locator('a[href="/orders"]')
      .click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await signOut(page);
    expect(problems).toEqual([]);
    await context.close();
  });
