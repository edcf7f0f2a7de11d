// Signing in for the specs: the real form once per user and worker, then that
// user's session cookie again.
//
// Why a cache: a form sign-in costs seconds on a loaded machine (the sign-in
// page, a bcrypt check, the redirect), and most specs sign in only to reach a
// page. Replaying the cookie is safe because the server trusts nothing in it
// but the user id and the session version: every request re-reads the user's
// role and disabled flag and refuses a token whose version the user has moved
// past (sign-out, a role change, disabling: lib/auth/require-user.ts). So a
// replayed cookie grants exactly what a fresh form sign-in would, or nothing;
// nothing shows as a redirect to /signin, and then we take the form again.
// Specs about signing in or out themselves (the form, its language, audit
// rows, revocation) call signInWithForm so that they never see a cached session.
import { expect, test, type Cookie, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";

export const DEMO_PASSWORD = "points-demo";

// next-auth's session cookie (chunked as `.0`, `.1`… when large); nothing else,
// so that no other cookie (the sign-in page's language) travels between tests.
const SESSION_COOKIE = /(^|\.)authjs\.session-token(\.\d+)?$/;
const sessions = new Map<string, Cookie[]>();
// Per server too: the next-start project signs in against a second one.
const cacheKey = (email: string) => `${test.info().project.use.baseURL} ${email.toLowerCase()}`;

export interface SignInOptions {
  /** Where to land instead of the overview: one page render fewer than signing in and then going there. */
  landOn?: string;
  timeout?: number;
}

/** Signs in through the form, in whichever language it shows, and lands where it redirects (the overview by default). */
export async function signInWithForm(
  page: Page,
  email: string,
  { landOn, timeout = 30_000 }: SignInOptions = {},
): Promise<void> {
  await page.goto(landOn ? `/signin?callbackUrl=${encodeURIComponent(landOn)}` : "/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page
    .locator("form")
    .filter({ has: page.locator("#password") })
    .locator("button[type=submit]")
    .click();
  // A sign-in hashes a password and renders the first page: generous on a busy machine.
  await expect(page).not.toHaveURL(/\/signin/, { timeout });
  await page.waitForLoadState();
  const cookies = (await page.context().cookies(page.url())).filter((c) => SESSION_COOKIE.test(c.name));
  if (cookies.length > 0) sessions.set(cacheKey(email), cookies);
}

/** Signs in as `email` and opens `landOn` (the overview, as the form would); reuses this worker's session for that user if it still works. */
export async function signInAs(page: Page, email: string, options: SignInOptions = {}): Promise<void> {
  const key = cacheKey(email);
  const cached = sessions.get(key);
  if (cached) {
    await page.context().addCookies(cached);
    await page.goto(options.landOn ?? "/", { timeout: options.timeout });
    if (!new URL(page.url()).pathname.startsWith("/signin")) return;
    sessions.delete(key);
  }
  await signInWithForm(page, email, options);
}

export function signIn(page: Page, role: Role, landOn?: string): Promise<void> {
  return signInAs(page, `${role}@example.com`, { landOn });
}

export async function signOut(page: Page): Promise<void> {
  await page.locator("header form button[type=submit]").click();
  await expect(page).toHaveURL(/\/signin/);
}
