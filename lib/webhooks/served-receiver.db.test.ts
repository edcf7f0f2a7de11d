// The webhook receiver as it is served, over real HTTP against a real
// PostgreSQL, once behind scripts/serve.ts (npm start) and once behind plain
// `next start` (the route handler with after(), as on Vercel): the same
// answers, the delivery stored and processed after the answer, and a delivery
// whose post-response processing died with its instance applied by the cron
// sweeper (GET /api/cron/webhooks). Both process on a drain thread of their own.
import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { childrenOf, procStat } from "@/lib/db/process-utils";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { describeEachServer, startServedApp, type ServedApp } from "@/lib/testing/app-servers";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { MAX_BODY_BYTES } from "./receive-delivery";

const SECRET = "served-receiver-secret";

/** The nice value of every thread of `pid` and of its descendants (Linux). */
function threadNices(pid: number): number[] {
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const own = tids.flatMap((tid) => procStat(`${pid}/task/${tid}`)?.[16] ?? []).map(Number);
  return [...own, ...childrenOf(pid).flatMap(threadNices)];
}

describeEachServer("the served webhook receiver", (kind) => {
  let database: TestDatabase;
  let sql: pg.Pool;
  let app: ServedApp;

  beforeAll(async () => {
    database = await createTestDatabase({ prefix: `served_${kind.replace("-", "_")}` });
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    app = await startServedApp(kind, { databaseUrl: database.url, webhookSecret: SECRET, logName: "served-receiver" });
  }, 600_000);

  afterAll(async () => {
    await app?.kill();
    await sql?.end();
    await database?.drop();
  });

  beforeEach(async () => {
    await sql.query("TRUNCATE webhook_deliveries, delivery_attempts, verification_failures, orders CASCADE");
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(app.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-secret": SECRET, ...headers },
      body,
    });

  const rows = async <T>(text: string, values: unknown[] = []) =>
    (await sql.query<T & pg.QueryResultRow>(text, values)).rows;

  /** The delivery's status and its attempts (trigger, ok), once it is no longer waiting. */
  async function outcome(orderNumber: string) {
    const settled = async () =>
      (
        await rows<{ status: string }>("SELECT status FROM webhook_deliveries WHERE order_number = $1", [orderNumber])
      )[0]?.status;
    await expect.poll(settled, { timeout: 20_000 }).not.toMatch(/^(pending|processing|failed)$/);
    const attempts = await rows<{ trigger: string; ok: boolean }>(
      `SELECT a.trigger, a.ok FROM delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
        WHERE d.order_number = $1 ORDER BY a.id`,
      [orderNumber],
    );
    return { status: await settled(), attempts };
  }

  it("answers 200, stores the delivery once, processes it after the answer, and says duplicate on a repeat", async () => {
    const order = fixtureOrder();
    const body = JSON.stringify(envelope("approved", order));
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, duplicate: false });
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(await outcome(order.order_number)).toEqual({
      status: "processed",
      attempts: [{ trigger: "after", ok: true }],
    });
    const stored = await rows<{ duplicate_count: number; headers: Record<string, string> }>(
      "SELECT duplicate_count, headers FROM webhook_deliveries",
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.duplicate_count).toBe(1);
    expect(stored[0]!.headers["x-webhook-secret"]).toBe("[redacted]");
    expect(await rows("SELECT order_status FROM orders WHERE order_number = $1", [order.order_number])).toEqual([
      { order_status: "approved" },
    ]);
  });

  it.runIf(process.platform === "linux")("processes on a drain thread of its own, at a lower priority", async () => {
    const order = fixtureOrder();
    expect((await post(JSON.stringify(envelope("approved", order)))).status).toBe(200);
    expect((await outcome(order.order_number)).status).toBe("processed");
    // Only the drain thread lowers its priority (lib/webhooks/drain-thread.ts): a drain on the
    // thread that answers (the fallback) would leave every thread at the server's.
    const serverNice = Number(procStat(app.pid())![16]);
    expect(Math.max(...threadNices(app.pid()))).toBeGreaterThan(serverNice);
  });

  it("answers 401 for a wrong secret and counts it without storing the body", async () => {
    const res = await post("{}", { "x-webhook-secret": "wrong" });
    expect(res.status).toBe(401);
    expect(await rows("SELECT 1 FROM webhook_deliveries")).toHaveLength(0);
    expect(await rows("SELECT reason FROM verification_failures")).toEqual([{ reason: "wrong_secret" }]);
  });

  it("answers 415 for a body that is not JSON and 400 (stored as rejected) for a non-envelope", async () => {
    expect((await post("hello", { "content-type": "text/plain" })).status).toBe(415);
    const res = await post('{"event":"nope"}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false });
    expect(await rows("SELECT status FROM webhook_deliveries")).toEqual([{ status: "rejected" }]);
  });

  it("answers 413 above 256 KiB and stores nothing", async () => {
    const res = await post(`{"pad":"${"x".repeat(MAX_BODY_BYTES)}"}`);
    expect(res.status).toBe(413);
    expect(await rows("SELECT 1 FROM webhook_deliveries")).toHaveLength(0);
  });

  it("acknowledges an event this version does not know and keeps it as unsupported, with no order", async () => {
    const order = fixtureOrder();
    const res = await post(JSON.stringify(envelope("points_transferred", order)));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, duplicate: false });
    expect((await outcome(order.order_number)).status).toBe("unsupported");
    expect(await rows("SELECT 1 FROM orders")).toHaveLength(0);
  });

  // Generous: it starts a second server, on two cores shared with other suites.
  it(
    "a delivery whose post-response processing died with the instance is applied by the cron sweeper",
    {
      timeout: 300_000,
    },
    async () => {
      // The store stalls on DIES- orders, so the processing after the answer is still running when the instance dies.
      await sql.query(`
      CREATE OR REPLACE FUNCTION served_receiver_stall() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.order_number LIKE 'DIES-%' THEN PERFORM pg_sleep(15); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER served_receiver_stall BEFORE INSERT OR UPDATE ON orders
        FOR EACH ROW EXECUTE FUNCTION served_receiver_stall();`);
      try {
        const order = fixtureOrder({ order_number: `DIES-${kind}` });
        const res = await post(JSON.stringify(envelope("approved", order)));
        expect(res.status).toBe(200);
        const stalled = () =>
          rows("SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()");
        await expect.poll(async () => (await stalled()).length, { timeout: 20_000 }).toBe(1);
        await app.kill();
        // PostgreSQL notices the dead instance's connection at its next read; end it now instead of after the sleep.
        await sql.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()",
        );
        await expect.poll(async () => (await stalled()).length).toBe(0);
        await sql.query("DROP TRIGGER served_receiver_stall ON orders");
        // Its transaction rolled back: stored, never applied.
        expect(
          await rows("SELECT status FROM webhook_deliveries WHERE order_number = $1", [order.order_number]),
        ).toEqual([{ status: "pending" }]);
        expect(await rows("SELECT 1 FROM orders")).toHaveLength(0);

        await app.restart();
        const cron = (headers: Record<string, string>) => fetch(`${app.origin}/api/cron/webhooks`, { headers });
        expect((await cron({})).status).toBe(401);
        expect((await cron({ authorization: "Bearer not-the-cron-secret" })).status).toBe(401);
        const swept = await cron({ authorization: `Bearer ${app.cronSecret}` });
        expect(swept.status).toBe(200);
        expect(await swept.json()).toMatchObject({ ok: true, processed: 1 });
        expect(await outcome(order.order_number)).toEqual({
          status: "processed",
          attempts: [{ trigger: "sweeper", ok: true }],
        });
        expect(await rows("SELECT order_status FROM orders WHERE order_number = $1", [order.order_number])).toEqual([
          { order_status: "approved" },
        ]);
      } finally {
        await sql.query("DROP TRIGGER IF EXISTS served_receiver_stall ON orders");
      }
    },
  );
});
