// scripts/serve.ts runs Next.js in a child process (pages-process.ts): a crash
// of Next.js must not stop Points' deliveries, Next.js is started again, and a
// killed server leaves no Next.js behind.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childrenOf, isProcessAlive } from "@/lib/db/process-utils";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { startServedApp, type ServedApp } from "@/lib/testing/app-servers";
import { getAgainAfterSilence, PAST_NODE_IDLE_TIMEOUT_MS } from "@/lib/testing/idle-connection";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";

const SECRET = "pages-process-secret";

const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");

/** serve.ts's Next.js process, told from any other child (tsx may run esbuild beside it). */
const pagesProcessOf = (serverPid: number) =>
  childrenOf(serverPid).find((pid) => commandLine(pid).some((arg) => arg.endsWith("serve-pages.ts")));

/** Connections Next.js has accepted on its Unix socket and not closed (/proc/net/unix: state 03, connected). */
function acceptedOn(socketPath: string): number {
  return readFileSync("/proc/net/unix", "utf8")
    .split("\n")
    .filter((line) => line.endsWith(` ${socketPath}`) && line.split(/\s+/)[5] === "03").length;
}

describe("serve.ts's Next.js process", () => {
  let database: TestDatabase;
  let sql: pg.Pool;
  let app: ServedApp;

  beforeAll(async () => {
    database = await createTestDatabase({ prefix: "pages_process" });
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    app = await startServedApp("serve", { databaseUrl: database.url, webhookSecret: SECRET, logName: "pages-process" });
  }, 600_000);

  afterAll(async () => {
    await app?.kill();
    await sql?.end();
    await database?.drop();
  });

  const health = () => fetch(`${app.origin}/api/health`);

  // A server that closes an idle connection as the client sends on it loses that request (ECONNRESET);
  // the forwarder would answer the visitor 503 for a page Next.js never saw.
  it("keeps idle connections open past Node's idle timeout: a visitor's, and its own to Next.js", async () => {
    const socketPath = commandLine(pagesProcessOf(app.pid())!).find((arg) => arg.endsWith(".sock"))!;
    let heldToNext = 0;
    const again = await getAgainAfterSilence(`${app.origin}/api/health`, PAST_NODE_IDLE_TIMEOUT_MS, () => {
      heldToNext = acceptedOn(socketPath);
    });
    expect(again).toEqual({ status: 200, reused: true });
    expect(heldToNext, "the forwarder's idle connection to Next.js").toBeGreaterThan(0);
  }, 30_000);

  it("is started again after a crash, while deliveries go on being stored", async () => {
    const pages = pagesProcessOf(app.pid());
    expect(pages, "serve.ts runs Next.js in a child process").toBeDefined();
    expect((await health()).status).toBe(200);

    process.kill(pages!, "SIGKILL");
    await expect.poll(() => isProcessAlive(pages!), { timeout: 10_000 }).toBe(false);
    // Restarted after a back-off of a second at least: this is the window without Next.js.
    const page = await health();
    expect(page.status).toBe(503);
    expect(await page.json()).toMatchObject({ ok: false, error: "temporarily unavailable; retry later" });
    const delivery = await fetch(`${app.origin}/api/webhooks/points`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-secret": SECRET },
      body: JSON.stringify(envelope("approved", fixtureOrder({ order_number: "WHILE-NEXT-DOWN" }))),
    });
    expect(delivery.status).toBe(200);
    const stored = await sql.query("SELECT 1 FROM webhook_deliveries WHERE order_number = 'WHILE-NEXT-DOWN'");
    expect(stored.rowCount).toBe(1);

    await expect.poll(async () => (await health()).status, { timeout: 90_000, interval: 500 }).toBe(200);
    expect(childrenOf(app.pid())).not.toContain(pages);
  }, 120_000);

  it("ends with the server when the server is killed", async () => {
    const pages = pagesProcessOf(app.pid());
    expect(pages).toBeDefined();
    process.kill(app.pid(), "SIGKILL");
    await expect.poll(() => isProcessAlive(pages!), { timeout: 10_000 }).toBe(false);
  }, 30_000);
});
