// npm test: unit and integration tests (vitest, real PostgreSQL; the scale-out
// suite in scripts/scale-out runs app servers on the production build), then
// the Playwright e2e suite in Chromium against the same build (served as
// `npm start` serves it), the sandbox double and a fresh database; the specs
// that post webhooks run again against plain `next start` (as on Vercel) on the
// same database (playwright.config.ts, project "next-start"). The build is
// made once, first, and only when the sources changed.
//   npm test               static checks (lint, format, typecheck), then everything
//   npm test -- static     static checks only
//   npm test -- unit       fast unit tests only (no database: vitest project "unit")
//   npm test -- db         database-backed tests only (*.db.test.ts: vitest project "db")
//   npm test -- vitest     both vitest projects
//   npm test -- e2e [args] Playwright only (extra args go to `playwright test`)
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createTestDatabase } from "@/lib/db/test-database";
import { createDb } from "@/lib/db/prisma";
import { seedDemoUsers } from "@/lib/demo/seed-users";
import { buildIsStale, nextBuild } from "./lib/next-build";
import { spawnAppServer } from "./lib/app-server";
import { exitWithError, ROOT, startStack } from "./lib/stack";
import { findLeaks } from "./lib/log-leaks";
import { vitestFailures } from "./lib/vitest-failures";
import { waitForHttp } from "./lib/wait-for-http";
import { freePort } from "./scale-out/fleet";

const [suite = "all", ...extra] = process.argv.slice(2);
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);
const SERVER_LOG = path.join(ROOT, ".data", "e2e-server.log");
const VITEST_REPORT = path.join(ROOT, ".data", "vitest-report.json");
const baseEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
};

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", bin), ...args], {
      cwd: ROOT,
      env,
      stdio: "inherit",
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function buildOnce() {
  if (buildIsStale(ROOT)) nextBuild(ROOT, { ...baseEnv, NODE_ENV: "production" });
}

const VITEST_SUITES: Record<string, { title: string; args: string[] }> = {
  unit: { title: "unit tests (vitest, no database)", args: ["--project", "unit"] },
  db: { title: "database-backed tests (vitest, real PostgreSQL)", args: ["--project", "db"] },
  vitest: { title: "unit and integration tests (vitest)", args: [] },
};

// Lint, format and types first, failing fast: a violation stops the run before the slow suites.
const STATIC_CHECKS: Array<[string, string, string[]]> = [
  ["lint", "eslint/bin/eslint.js", [".", "--max-warnings", "0"]],
  ["format", "prettier/bin/prettier.cjs", ["--check", "."]],
  ["typecheck", "typescript/bin/tsc", ["--noEmit"]],
];

async function staticChecks(): Promise<number> {
  console.log("\n▶ static checks (lint, format, typecheck)");
  for (const [name, bin, args] of STATIC_CHECKS) {
    const code = await run(bin, args, baseEnv);
    if (code !== 0) {
      console.error(
        `\n✘ static check "${name}" failed (npm run ${name === "format" ? "format:check" : name}); tests not run`,
      );
      return code;
    }
  }
  return 0;
}

async function vitest(suite: string): Promise<number> {
  const { title, args } = VITEST_SUITES[suite]!;
  console.log(`\n▶ ${title}`);
  // The scale-out suite (database-backed) serves the production build.
  if (suite !== "unit") buildOnce();
  rmSync(VITEST_REPORT, { force: true });
  const reporters = ["--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`];
  return run("vitest/vitest.mjs", ["run", ...reporters, ...args, ...extra], baseEnv);
}

async function e2e(): Promise<number> {
  console.log("\n▶ end-to-end tests (Playwright, Chromium)");
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const database = await createTestDatabase({ prefix: "e2e" });
  const stack = await startStack({ port: E2E_PORT, simPort: E2E_SIM_PORT, databaseUrl: database.url });
  // Where the callback page sends shoppers back to (e2e/checkout-callback.spec.ts checks the link).
  stack.env.MERCHANT_STORE_URL ??= "https://store.example/";
  // One browser stands for many shoppers here; e2e/security.spec.ts checks the limit holds.
  stack.env.CALLBACK_RATE_LIMIT_PER_MINUTE ??= "600";
  const nextStartPort = await freePort();
  const env = {
    ...stack.env,
    E2E_BASE_URL: stack.appUrl,
    E2E_NEXT_START_URL: `http://localhost:${nextStartPort}`,
    E2E_SIM_URL: stack.sim?.url ?? "",
    E2E_DATABASE_URL: database.url,
  };
  const servers: Array<ReturnType<typeof spawn>> = [];
  try {
    buildOnce();
    const db = createDb(database.url);
    await seedDemoUsers(db);
    await db.$disconnect();
    // Everything the servers print is kept, to look for leaked secrets afterwards.
    const log = createWriteStream(SERVER_LOG);
    for (const [port, plainNext] of [
      [E2E_PORT, false],
      [nextStartPort, true],
    ] as const) {
      const child = spawnAppServer({ port, env, plainNext, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.pipe(log, { end: false });
      child.stderr!.pipe(log, { end: false });
      child.stderr!.pipe(process.stderr);
      servers.push(child);
    }
    // Generous: on a loaded machine the first start of a fresh build takes a while.
    await waitForHttp(`${stack.appUrl}/api/health`, 180_000);
    await waitForHttp(`${env.E2E_NEXT_START_URL}/api/health`, 180_000);
    const code = await run("@playwright/test/cli.js", ["test", ...extra], env);
    const leaks = findLeaks(SERVER_LOG, env);
    if (leaks.length === 0) return code;
    console.error(
      `\n✘ the app's log output contains: ${[...new Set(leaks)].join(", ")} (see ${path.relative(ROOT, SERVER_LOG)})`,
    );
    return 1;
  } finally {
    for (const child of servers) child.kill("SIGTERM");
    await stack.stop();
    await database.drop();
  }
}

async function main() {
  const started = Date.now();
  if (!(suite in VITEST_SUITES) && !["all", "e2e", "static"].includes(suite))
    throw new Error(`unknown suite "${suite}": use static, unit, db, vitest or e2e`);
  const results: Array<[string, number]> = [];
  if (suite === "all" || suite === "static") {
    const code = await staticChecks();
    results.push(["static", code]);
    if (code !== 0) {
      console.log("\nstatic: FAILED");
      process.exit(1);
    }
  }
  if (suite in VITEST_SUITES) results.push([suite, await vitest(suite)]);
  if (suite === "all") results.push(["unit+integration", await vitest("vitest")]);
  if (suite === "all" || suite === "e2e") results.push(["e2e", await e2e()]);
  const failed = results.filter(([, code]) => code !== 0);
  if (failed.some(([name]) => name in VITEST_SUITES || name === "unit+integration"))
    console.log(
      `\n✘ vitest failures:\n${vitestFailures(VITEST_REPORT, ROOT)
        .map((l) => `  ${l}`)
        .join("\n")}`,
    );
  console.log(
    `\n${results.map(([name, code]) => `${name}: ${code === 0 ? "passed" : "FAILED"}`).join(", ")} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  process.exit(failed.length ? 1 : 0);
}

main().catch(exitWithError);
