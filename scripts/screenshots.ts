// npm run screenshots: every staff page in English and Arabic, at 1440 and
// 390 px wide, and a few in the dark theme, as PNGs under .data/screenshots/
// for a person to look at. Starts its own stack like the e2e suite does: a
// scratch database with the demo data, the sandbox double, the built app.
//   npm run screenshots                 all pages
//   npm run screenshots -- /orders /    only these paths
// Ports: E2E_PORT and E2E_SIM_PORT (as npm test), so it never collides with npm start.
import { chromium, type Page } from "@playwright/test";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { DEMO_PASSWORD } from "@/lib/demo/seed-users";
import { spawnAppServer } from "./lib/app-server";
import { buildIsStale, nextBuild } from "./lib/next-build";
import { seedDemo } from "./lib/seed-demo";
import { DATA_DIR, exitWithError, ROOT, startStack } from "./lib/stack";
import { waitForHttp } from "./lib/wait-for-http";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);
const OUT = path.join(DATA_DIR, "screenshots");
const WIDTHS = [1440, 390] as const;
const LOCALES = ["en", "ar"] as const;
const DARK_PAGES = new Set(["/", "/orders", "/signin"]);
const ADMIN = "admin@example.com";

async function pagesToShoot(db: Db): Promise<Array<{ name: string; path: string }>> {
  const order = await db.order.findFirst({ orderBy: { pointsUpdatedAt: "desc" }, select: { pointsUuid: true } });
  const delivery = await db.webhookDelivery.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const all = [
    { name: "overview", path: "/" },
    { name: "orders", path: "/orders" },
    ...(order ? [{ name: "order", path: `/orders/${order.pointsUuid}` }] : []),
    { name: "approvals", path: "/approvals" },
    { name: "webhooks", path: "/webhooks" },
    ...(delivery ? [{ name: "delivery", path: `/webhooks/${delivery.id}` }] : []),
    { name: "reconciliation", path: "/reconciliation" },
    { name: "alerts", path: "/alerts" },
    { name: "go-live", path: "/go-live" },
    { name: "settings", path: "/settings" },
    { name: "settings-users", path: "/settings/users" },
    { name: "settings-alerts", path: "/settings/alerts" },
    { name: "settings-integration", path: "/settings/integration" },
    { name: "audit", path: "/audit" },
    { name: "signin", path: "/signin" },
  ];
  const only = process.argv.slice(2);
  return only.length ? all.filter((p) => only.includes(p.path) || only.includes(p.name)) : all;
}

async function signIn(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.locator("#email").fill(ADMIN);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page
    .locator("form")
    .filter({ has: page.locator("#password") })
    .locator("button[type=submit]")
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

async function main() {
  const database = await createTestDatabase({ prefix: "screenshots" });
  const stack = await startStack({ port: PORT, simPort: SIM_PORT, databaseUrl: database.url, log: () => {} });
  const server = { child: undefined as ReturnType<typeof spawnAppServer> | undefined };
  const db = createDb(database.url);
  try {
    if (buildIsStale(ROOT)) nextBuild(ROOT, { ...stack.env, NODE_ENV: "production" });
    server.child = spawnAppServer({ port: PORT, env: stack.env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForHttp(`${stack.appUrl}/api/health`, 120_000);
    console.log("Seeding demo data…");
    await seedDemo(stack);
    const pages = await pagesToShoot(db);

    rmSync(OUT, { recursive: true, force: true });
    const browser = await chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    try {
      for (const locale of LOCALES)
        for (const theme of ["light", "dark"] as const) {
          await db.user.update({ where: { email: ADMIN }, data: { locale, theme } });
          for (const width of WIDTHS) {
            const shots = pages.filter((p) => theme === "light" || DARK_PAGES.has(p.path));
            if (!shots.length) continue;
            const dir = path.join(OUT, `${locale}-${width}${theme === "dark" ? "-dark" : ""}`);
            mkdirSync(dir, { recursive: true });
            const context = await browser.newContext({
              viewport: { width, height: 900 },
              locale: locale === "ar" ? "ar-SA" : "en-GB",
              colorScheme: theme,
            });
            const page = await context.newPage();
            await signIn(page, stack.appUrl);
            for (const shot of shots) {
              if (shot.path === "/signin") await context.clearCookies();
              await page.goto(`${stack.appUrl}${shot.path}`, { waitUntil: "networkidle" }).catch(() => {});
              if (shot.path === "/signin" && (await page.locator("html").getAttribute("lang")) !== locale)
                await page.getByTestId("language-switch").click();
              // A full-page capture does not scroll, so rows under `content-visibility: auto` below the first
              // screen would come out blank: paint them all.
              await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
              await page.waitForTimeout(300);
              await page.screenshot({ path: path.join(dir, `${shot.name}.png`), fullPage: true });
            }
            await context.close();
            console.log(`  ${path.relative(ROOT, dir)}: ${shots.length} pages`);
          }
        }
    } finally {
      await browser.close();
    }
    console.log(`Screenshots in ${path.relative(ROOT, OUT)}/`);
  } finally {
    await db.$disconnect();
    server.child?.kill("SIGTERM");
    await stack.stop();
    await database.drop();
  }
}

// The embedded PostgreSQL this process registered with keeps the event loop alive: exit when done.
main().then(() => process.exit(0), exitWithError);
