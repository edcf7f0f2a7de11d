// Web security at the edges: where sign-in may send the browser, whether a
// copied session survives sign-out, which address a request is counted
// under, and the security headers of every response (each page's CSP: every-page.spec.ts).
import { expect, test, type Browser, type Cookie, type Page } from "@playwright/test";
import { createDb } from "@/lib/db/prisma";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { DEMO_PASSWORD, signInWithForm } from "./helpers/sign-in";
import { demoPasswordHash } from "./helpers/staff-user";
import { expectBaseHeaders } from "./helpers/security-headers";

const db = createDb(process.env.E2E_DATABASE_URL ?? "");
test.afterAll(() => db.$disconnect());
test.describe.configure({ timeout: 180_000 });

/** `query` is the callback as it stands in the URL, percent-encoded or not. */
async function signInWithCallback(page: Page, query: string) {
  await page.goto(`/signin?callbackUrl=${query}`);
  await page.locator("#email").fill("viewer@example.com");
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // A password check on a loaded machine can take a while.
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 60_000 });
}

test.describe("sign-in callback", () => {
  const hostile = [
    "/\\evil.example/path",
    "%2F%5Cevil.example%2Fpath",
    "%2F%5C%5Cevil.example",
    "%2F%09%2Fevil.example%2Fpath",
    "%2F%0A%2Fevil.example%2Fpath",
    "%2F%00%2Fevil.example",
    "//evil.example/path",
    "%2F%2Fevil.example%2Fpath",
    "/.//evil.example/path",
    "https://evil.example/path",
    "https%3A%2F%2Fevil.example%2Fpath",
    "%5C%5Cevil.example/path",
  ];
  for (const query of hostile) {
    test(`never leaves the app for callbackUrl=${query}`, async ({ page, baseURL }) => {
      await signInWithCallback(page, query);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(new URL(page.url()).pathname).toBe("/");
    });
  }

  test("keeps an encoded backslash as a path on this app", async ({ page, baseURL }) => {
    // The query string holds %255C: the callback value is "/%5Cevil.example", a path here, not a host.
    await page.goto("/signin?callbackUrl=%2F%255Cevil.example%2Fpath");
    await page.locator("#email").fill("viewer@example.com");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 60_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/%5Cevil.example/path");
  });

  test("a same-origin path is kept", async ({ page }) => {
    await signInWithCallback(page, "%2Forders%3Fq%3Dabc");
    await expect(page).toHaveURL(/\/orders\?q=abc$/);
  });
});

test.describe("sessions end for real", () => {
  async function replay(browser: Browser, cookies: Cookie[]) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto("/orders");
    const url = page.url();
    await context.close();
    return url;
  }

  async function staffUser(role: "viewer" | "ops") {
    const email = `session-${role}-${Date.now()}@example.com`;
    const user = await db.user.create({
      data: { email, name: "Session test", role, passwordHash: await demoPasswordHash() },
    });
    return { ...user, email };
  }

  const admin = async () => {
    const a = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    return { id: a.id, email: a.email, name: a.name, role: a.role };
  };

  test("a session cookie copied before sign-out is refused after it", async ({ page, browser, context }) => {
    await signInWithForm(page, "support@example.com", { timeout: 60_000 });
    const copied = await context.cookies();
    expect(await replay(browser, copied)).toMatch(/\/orders$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect(await replay(browser, copied)).toMatch(/\/signin/);
    const api = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      storageState: { cookies: copied, origins: [] },
    });
    expect((await api.request.get("/api/webhooks/deliveries")).status()).toBe(401);
    await api.close();
  });

  test("disabling a user ends their sessions, also after they are enabled again", async ({
    page,
    browser,
    context,
  }) => {
    const user = await staffUser("viewer");
    await signInWithForm(page, user.email, { timeout: 60_000 });
    const copied = await context.cookies();
    await setUserDisabled(db, await admin(), { userId: user.id, disabled: true });
    await setUserDisabled(db, await admin(), { userId: user.id, disabled: false });
    expect(await replay(browser, copied)).toMatch(/\/signin/);
  });

  test("changing a user's role ends their sessions", async ({ page, browser, context }) => {
    const user = await staffUser("ops");
    await signInWithForm(page, user.email, { timeout: 60_000 });
    const copied = await context.cookies();
    await changeUserRole(db, await admin(), { userId: user.id, role: "viewer" });
    expect(await replay(browser, copied)).toMatch(/\/signin/);
    await signInWithForm(page, user.email, { timeout: 60_000 });
    await expect(page.getByRole("navigation").getByRole("link", { name: "Webhooks", exact: true })).toHaveCount(0);
  });
});

test.describe("client address", () => {
  test("a client's X-Forwarded-For does not change the address the callback page counts it under", async ({
    request,
  }) => {
    const keys = () => db.rateLimitWindow.findMany({ where: { key: { startsWith: "checkout-callback:" } } });
    const before = new Map((await keys()).map((w) => [`${w.key}@${w.windowStart.getTime()}`, w.count]));
    for (let i = 1; i <= 5; i++) {
      const response = await request.get("/checkout/callback?order=XFF-CHECK&lang=en", {
        headers: {
          "x-forwarded-for": `198.51.100.${i}`,
          "x-real-ip": `198.51.100.${i}`,
          "x-points-ops-client-address": `198.51.100.${i}`,
        },
      });
      expect(response.status()).toBe(200);
    }
    const after = await keys();
    expect(after.filter((w) => w.key.includes("198.51.100."))).toEqual([]);
    const grown = after.filter((w) => w.count > (before.get(`${w.key}@${w.windowStart.getTime()}`) ?? 0));
    // All five under the one real peer address (one window, or two if a minute turned meanwhile).
    expect(grown.length).toBeGreaterThan(0);
    expect(new Set(grown.map((w) => w.key)).size).toBe(1);
    expect(grown[0]!.key).toMatch(/^checkout-callback:(127\.0\.0\.1|::1)$/);
  });
});

test.describe("security headers", () => {
  // Every staff page's policy, and that none of them breaks it, is walked in e2e/every-page.spec.ts.
  test("a nonce is used once", async ({ request }) => {
    const nonces = await Promise.all(
      [1, 2].map(async () => (await request.get("/signin")).headers()["content-security-policy"]),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("API routes, the webhook receiver and static files carry them too", async ({ request }) => {
    expectBaseHeaders((await request.get("/api/health")).headers());
    const webhook = await request.post("/api/webhooks/points", { data: {} });
    expect(webhook.status()).toBe(401);
    expectBaseHeaders(webhook.headers());
    expect((await request.get("/demo-store-logo.svg")).headers()["x-content-type-options"]).toBe("nosniff");
  });
});
