// npm run bench:pages — the pages as a person feels them, at 1,000,000 orders
// and 1,000,000 webhook deliveries (20 orders carry 500 deliveries each, a full
// order timeline). Seeds a fresh database in SQL, starts the app as the e2e
// tests do (production build, rebuilt when stale), signs in and measures in
// Chromium, over many tries, p50/p95 of:
//   - Enter in the order search → the results for that query on screen, the
//     query filled in as soon as the page has loaded (the goal's measure), and
//     again typed key by key at a person's pace (results follow as they type);
//   - a click on an order → its page painted with its 500-entry timeline;
//   - opening the webhook log → its first page of deliveries on screen.
// Times are taken in the browser (performance.now(): key or click, or the
// navigation's start, to the frame that shows the result).
//   npm run bench:pages -- --orders 20000 [--deliveries N] [--tries 60]
//   (or BENCH_ORDERS, BENCH_DELIVERIES, BENCH_TRIES)
import { chromium, type Page } from "@playwright/test";
import { createDb } from "@/lib/db/prisma";
import { seedDemoUsers, DEMO_PASSWORD } from "@/lib/demo/seed-users";
import { createTestDatabase } from "@/lib/db/test-database";
import { spawnAppServer } from "./lib/app-server";
import { fmt, goalLine, numberOption, percentile } from "./lib/bench-report";
import { seedDeliveries, seedOrders } from "./lib/bench-seed";
import { buildIsStale, nextBuild } from "./lib/next-build";
import { ROOT, startStack } from "./lib/stack";
import { waitForHttp } from "./lib/wait-for-http";

const ORDERS = numberOption("orders", "BENCH_ORDERS", 1_000_000);
const DELIVERIES = numberOption("deliveries", "BENCH_DELIVERIES", ORDERS);
// With 30 tries a p95 was the second-slowest try, and one stall of the shared machine moved it past the goal or
// back: the same code gave 457, 242 and 373 ms. Sixty put three tries beyond it.
const TRIES = numberOption("tries", "BENCH_TRIES", 60);
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110) + 50;
const HEAVY = 20;
const PER_HEAVY = 500;
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// About a fast typist's pace between keys.
const TYPING_DELAY_MS = 120;

const orderNumber = (g: number) => `ORD-2026-${String(g).padStart(7, "0")}`;
const randomOrder = () => 1 + Math.floor(Math.random() * ORDERS);

// The moment of the last Enter or click, kept by every document the bench opens.
const START_MARK = `
  window.__benchStart = 0;
  addEventListener("keydown", (e) => { if (e.key === "Enter") window.__benchStart = performance.now(); }, true);
  addEventListener("click", () => { window.__benchStart = performance.now(); }, true);
`;

/**
 * Before a timed interaction: waitForFunction (frameWhen's probe) first evaluates Playwright's own
 * script in the page's main world, 14–31 ms of main-thread work in Chromium's traces, which landed
 * inside the measured window and delayed the app's rendering. Done here, the window holds the app's work.
 */
const readyToMeasure = (page: Page) => page.waitForFunction("true");

/** performance.now() at the first frame where `condition` (an expression) holds, returned once the next frame is painted. */
async function frameWhen(page: Page, condition: string): Promise<number> {
  const handle = await page
    .waitForFunction(`(${condition}) ? performance.now() : false`, undefined, { polling: "raf", timeout: 60_000 })
    .catch(async (error: unknown) => {
      const text = (
        await page
          .locator("main")
          .innerText()
          .catch(() => "")
      ).slice(0, 300);
      throw new Error(`${page.url()} never showed what was awaited (${condition}); the page says: ${text}`, {
        cause: error,
      });
    });
  const at = (await handle.jsonValue()) as number;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return at;
}

const since = (page: Page, at: number) =>
  page.evaluate((end) => end - (window as unknown as { __benchStart: number }).__benchStart, at);

/**
 * The query filled in at once as soon as `goto` returns (load), or typed key by key at a person's pace,
 * then Enter; resolves with the time from Enter to the results for that query on screen.
 */
async function searchOnce(page: Page, q: string, how: "fill" | "type" = "fill"): Promise<number> {
  await page.goto("/orders");
  await readyToMeasure(page);
  // Rows already on screen are marked, so only rows rendered for this query count.
  await page.evaluate(() =>
    document.querySelectorAll("[data-testid]").forEach((el) => el.setAttribute("data-bench-old", "")),
  );
  const box = page.locator("#orders-filter-q");
  if (how === "fill") await box.fill(q);
  else {
    await box.click();
    await box.pressSequentially(q, { delay: TYPING_DELAY_MS });
  }
  await box.press("Enter");
  const fresh = `[...document.querySelectorAll('[data-testid="order-row"]:not([data-bench-old]), [data-testid="exact-match"]:not([data-bench-old])')]`;
  const at = await frameWhen(
    page,
    `new URL(location.href).searchParams.get("q") === ${JSON.stringify(q)} && ${fresh}.some((r) => r.textContent.includes(${JSON.stringify(q)}))`,
  );
  return since(page, at);
}

async function orderPageOnce(page: Page, heavy: number): Promise<number> {
  await page.goto(`/orders?q=${orderNumber(heavy)}`);
  const open = page.locator('[data-testid="exact-match"] a').first();
  await open.waitFor();
  await readyToMeasure(page);
  await open.click();
  const at = await frameWhen(
    page,
    `document.querySelectorAll('ol[aria-label="Order timeline"] > li').length >= ${PER_HEAVY}`,
  );
  return since(page, at);
}

// A full load: the navigation's start is performance.now()'s zero. The document is new, so Playwright's
// probe script is evaluated inside the window here (readyToMeasure): these figures include it.
async function webhookLogOnce(page: Page): Promise<number> {
  await page.goto("/webhooks", { waitUntil: "commit" });
  return frameWhen(page, `document.querySelectorAll('[data-testid="delivery-row"]').length > 0`);
}

function spread(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const [p50, p95] = [percentile(sorted, 50), percentile(sorted, 95)];
  return { line: `  ${label.padEnd(34)} p50 ${fmt(p50).padStart(6)} ms  p95 ${fmt(p95).padStart(6)} ms`, p95 };
}

function figures(label: string, times: number[], goalMs: number, goalText: string) {
  const { line, p95 } = spread(label, times);
  return goalLine(line, goalText, p95 < goalMs);
}

async function main() {
  const t0 = Date.now();
  const database = await createTestDatabase({ prefix: "bench_pages" });
  const db = createDb(database.url);
  const stack = await startStack({ port: PORT, simPort: SIM_PORT, databaseUrl: database.url, log: () => {} });
  let server: ReturnType<typeof spawnAppServer> | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    console.log(`Seeding ${fmt(ORDERS)} orders and ${fmt(DELIVERIES)} webhook deliveries into ${database.name} …`);
    await seedOrders(db, ORDERS);
    await seedDeliveries(db, DELIVERIES, ORDERS, HEAVY, PER_HEAVY);
    await seedDemoUsers(db);
    console.log(`  seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    if (buildIsStale(ROOT)) nextBuild(ROOT, { ...stack.env, NODE_ENV: "production" });
    server = spawnAppServer({ port: PORT, env: stack.env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForHttp(`${stack.appUrl}/api/health`, 120_000);

    // The probes are expressions evaluated in the page, which the app's CSP (no 'unsafe-eval') refuses;
    // bypassing it for the measuring browser changes nothing the app does.
    const context = await browser.newContext({ baseURL: stack.appUrl, bypassCSP: true });
    await context.addInitScript(START_MARK);
    const page = await context.newPage();
    await page.goto("/signin");
    await page.locator("#email").fill("ops@example.com");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));

    const queries = () => {
      const g = randomOrder();
      // Exact numbers as support pastes them, and the start of a number as they type it.
      return Math.random() < 0.5 ? orderNumber(g) : orderNumber(g).slice(0, 13 + Math.floor(Math.random() * 3));
    };
    const heavyOrder = () => 1 + Math.floor(Math.random() * HEAVY);
    for (let i = 0; i < 3; i++) {
      await searchOnce(page, queries());
      await orderPageOnce(page, heavyOrder());
      await webhookLogOnce(page);
    }
    const search: number[] = [];
    const typed: number[] = [];
    const order: number[] = [];
    const log: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      search.push(await searchOnce(page, queries()));
      typed.push(await searchOnce(page, queries(), "type"));
      order.push(await orderPageOnce(page, heavyOrder()));
      log.push(await webhookLogOnce(page));
      process.stdout.write(`\r  try ${i + 1}/${TRIES}`);
    }
    const scale = ORDERS >= 1_000_000 ? "" : ` (run at ${fmt(ORDERS)} orders, not 1M)`;
    console.log(`\n\n${TRIES} tries each, ${fmt(ORDERS)} orders, ${fmt(DELIVERIES)} deliveries, in Chromium${scale}`);
    console.log(figures("search: Enter → results", search, 300, "p95 < 300 ms at 1M orders"));
    // What a person does; informs, without a goal of its own.
    console.log(`${spread("search typed, Enter → results", typed).line}  (keys ${TYPING_DELAY_MS} ms apart, no goal)`);
    console.log(figures("order page, 500-entry timeline", order, 1_000, "p95 < 1 s"));
    console.log(figures("webhook log, first page", log, 1_000, "p95 < 1 s"));
    console.log(`\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    server?.kill("SIGTERM");
    await stack.stop();
    await db.$disconnect();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
