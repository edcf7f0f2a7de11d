// Playwright drives Debian's Chromium (no browser download on these machines)
// against the stack that scripts/test.ts starts; see E2E_BASE_URL there. The
// specs that post webhooks run a second time (project "next-start") against
// plain `next start` on the same database (E2E_NEXT_START_URL): on Vercel the
// route handler and after() answer and process them, not scripts/serve.ts.
import { defineConfig } from "@playwright/test";

const WEBHOOK_SPECS = ["webhooks.spec.ts", "log-redaction.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3100",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" } },
    ...(process.env.E2E_NEXT_START_URL
      ? [
          {
            name: "next-start",
            testMatch: WEBHOOK_SPECS,
            use: { browserName: "chromium" as const, baseURL: process.env.E2E_NEXT_START_URL },
          },
        ]
      : []),
  ],
});
