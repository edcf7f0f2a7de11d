// The scale-out suite: three app servers — two scripts/serve.ts (npm start's
// server) and one plain `next start` — against ONE test database and the
// sandbox double, driven as Points and Vercel Cron drive them. Every pool is at
// its smallest (DB_POOL_SIZE=3: one connection each) and the leases are a few
// seconds, so that a server stopped with SIGSTOP outlives its lease.
//
// What it proves: a delivery sent to every instance at once is stored and
// applied once; shuffled per-order sequences end in the latest state; a server
// killed mid-stream loses nothing; a server frozen past its lease and resumed
// applies nothing twice and stores no duplicate reconciliation difference;
// concurrent cron calls make one reconciliation run and one alert.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { MIN_POOL_SIZE } from "@/lib/config/pool-settings";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { startSim, type SimServer } from "@/lib/sim/server";
import { envelope, fixtureOrder, later, webhookRequest, type FixtureOrder } from "@/lib/testing/webhook-fixtures";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";
import { ensureBuild, startFleet, type AppInstance } from "./fleet";

const SECRET = "scale-out-webhook-secret";
const CRON_SECRET = randomBytes(24).toString("base64url");
const LEASE_SECONDS = 3;

let database: TestDatabase;
let sim: SimServer;
let sql: pg.Pool;
let servers: AppInstance[];
/** A and B: scripts/serve.ts; C: next start. */
let a: AppInstance, b: AppInstance, c: AppInstance;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "scale_out" });
  sim = await startSim({ port: 0, webhookSecret: SECRET });
  sql = new pg.Pool({ connectionString: database.url, max: 3 });
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    POINTS_API_BASE_URL: sim.apiBaseUrl,
    POINTS_WEBHOOK_SECRETS: SECRET,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CRON_SECRET,
    DB_POOL_SIZE: String(MIN_POOL_SIZE),
    WEBHOOK_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
    RECONCILE_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  ensureBuild(env);
  servers = await startFleet(["serve", "serve", "next-start"], env);
  [a, b, c] = servers as [AppInstance, AppInstance, AppInstance];
}, 900_000);

afterAll(async () => {
  await Promise.all((servers ?? []).map((s) => s.kill("SIGKILL")));
  await sql?.end();
  await sim?.close();
  await database?.drop();
});

const count = async (text: string, values: unknown[] = []) =>
  Number((await sql.query<{ n: string }>(text, values)).rows[0]!.n);

/** POSTs a delivery as Points does; the HTTP status, or 0 when nobody answered. */
async function deliver(server: AppInstance, body: unknown): Promise<number> {
  try {
    const res = await fetch(`${server.url}/api/webhooks/points`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-secret": SECRET },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    await res.text();
    return res.status;
  } catch (error) {
    console.error(`${server.name}: ${error instanceof Error ? `${error.message} ${String(error.cause)}` : error}`);
    return 0;
  }
}

/** As Points does: a delivery not answered 200 is sent again, here to the next live instance. */
async function deliverUntilStored(body: unknown, first: number, live: () => AppInstance[]): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pool = live();
    if ((await deliver(pool[(first + attempt) % pool.length]!, body)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("a delivery was never stored");
}

async function inParallel<T>(items: T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

function cron(server: AppInstance, job: "webhooks" | "reconcile" | "alerts") {
  return fetch(`${server.url}/api/cron/${job}`, {
    headers: { authorization: `Bearer ${CRON_SECRET}` },
    signal: AbortSignal.timeout(120_000),
  }).then(async (res) => {
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
    } catch {
      throw new Error(`/api/cron/${job} answered ${res.status} with no JSON: ${text.slice(0, 500)}`);
    }
  });
}

/** Waits until every delivery of these orders is processed, sweeping as Vercel Cron would for what a dead server left. */
async function allProcessed(prefix: string, expected: number, sweeper: AppInstance) {
  const processed = () =>
    count("SELECT count(*) AS n FROM webhook_deliveries WHERE order_number LIKE $1 AND status = 'processed'", [
      `${prefix}%`,
    ]);
  for (let i = 0; i < 120 && (await processed()) < expected; i++) {
    if (i % 4 === 3) await cron(sweeper, "webhooks");
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(await processed()).toBe(expected);
}

/** Successful applications per delivery of these orders (each processing writes one ok attempt). */
async function applications(prefix: string): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ id: string; ok: number }>(
    `SELECT d.id, count(a.id) FILTER (WHERE a.ok)::int AS ok
       FROM webhook_deliveries d LEFT JOIN delivery_attempts a ON a.delivery_id = d.id
      WHERE d.order_number LIKE $1 GROUP BY d.id`,
    [`${prefix}%`],
  );
  return new Map(rows.map((r) => [r.id, r.ok]));
}

function expectAppliedOnce(apps: Map<string, number>, deliveries: number) {
  expect(apps.size).toBe(deliveries);
  const twice = [...apps.values()].filter((n) => n !== 1);
  expect(twice, "deliveries applied other than once").toEqual([]);
}

// Generous: two cores shared with other suites; nothing here asserts how fast anything is.
describe("scale-out: three servers, one database", { timeout: 180_000 }, () => {
  it("a delivery sent to every instance at the same moment is stored once and applied once", async () => {
    const orders = Array.from({ length: 60 }, (_, i) => fixtureOrder({ order_number: `DUP-${i}` }));
    // Each instance gets every delivery at the same moment; one not answered in time is retried there, as Points does.
    await inParallel(orders, 10, async (order) => {
      await Promise.all(servers.map((s) => deliverUntilStored(envelope("approved", order), 0, () => [s])));
    });
    await allProcessed("DUP-", 60, a);
    expectAppliedOnce(await applications("DUP-"), 60);
    expect(
      await count("SELECT sum(duplicate_count) AS n FROM webhook_deliveries WHERE order_number LIKE 'DUP-%'"),
    ).toBeGreaterThanOrEqual(120);
    expect(await count("SELECT count(*) AS n FROM orders WHERE order_number LIKE 'DUP-%'")).toBe(60);
  });

  it("per-order sequences shuffled across instances end in each order's latest state", async () => {
    const steps = (order: FixtureOrder) =>
      [0, 1, 2, 3, 4].map((k) =>
        envelope(
          k === 4 ? "completed" : "approved",
          later(order, k, { total_points: 100 + k, order_status: k === 4 ? "completed" : "approved" }),
        ),
      );
    const orders = Array.from({ length: 20 }, (_, i) => fixtureOrder({ order_number: `SEQ-${i}` }));
    const all = orders.flatMap(steps).sort(() => Math.random() - 0.5);
    await inParallel(all, 12, (body, i) => deliverUntilStored(body, i, () => servers));
    await allProcessed("SEQ-", 100, a);
    const { rows } = await sql.query<{ order_status: string; total_points: number }>(
      "SELECT order_status, total_points FROM orders WHERE order_number LIKE 'SEQ-%'",
    );
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.order_status === "completed" && r.total_points === 104)).toBe(true);
  });

  it("a server killed (SIGKILL) mid-stream loses nothing", async () => {
    const orders = Array.from({ length: 240 }, (_, i) => fixtureOrder({ order_number: `KILL-${i}` }));
    let answered = 0;
    const live = () => servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
    const killing = (async () => {
      while (answered < 80) await new Promise((r) => setTimeout(r, 20));
      await b.kill("SIGKILL");
    })();
    await inParallel(orders, 16, async (order, i) => {
      await deliverUntilStored(envelope("approved", order), i, live);
      answered++;
    });
    await killing;
    expect(b.child.signalCode).toBe("SIGKILL");
    await allProcessed("KILL-", 240, a);
    expectAppliedOnce(await applications("KILL-"), 240);
  });

  it("a server frozen (SIGSTOP) past its claims' lease and resumed applies nothing twice", async () => {
    // The store refuses POISON orders, so their batch takes the slow path: leased claims, one delivery
    // at a time; SLOW orders take 0.1 s each to write, so the one-by-one loop is long enough to freeze in.
    await sql.query(`
      CREATE FUNCTION scale_out_trap() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.order_number LIKE 'POISON-%' THEN RAISE EXCEPTION 'refused by the scale-out suite'; END IF;
        IF NEW.order_number LIKE 'SLOW-%' THEN PERFORM pg_sleep(0.1); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER scale_out_trap BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION scale_out_trap();`);
    try {
      // Only A may claim them: C is stopped until A is frozen (B is gone). A is stopped too while they are
      // stored, so that whichever of its processors claims first (this test's cron call, its sweeper, or a
      // drain an earlier test left running) finds them all, POISON first, and takes the slow path.
      c.pause();
      a.pause();
      // Stored as the receiver stores them, without waking any server's drain.
      const receiver = createReceiverPool(database.url, 2);
      const bodies = [
        envelope("approved", fixtureOrder({ order_number: "POISON-1" })),
        ...Array.from({ length: 45 }, (_, i) => envelope("approved", fixtureOrder({ order_number: `SLOW-${i}` }))),
      ];
      for (const body of bodies)
        expect(
          (await receiveDelivery(receiver, webhookRequest(body, SECRET), { secrets: [SECRET], sourceAddress: null }))
            .status,
        ).toBe(200);
      await receiver.end();
      a.resume();

      const slowProcessed = () =>
        count("SELECT count(*) AS n FROM webhook_deliveries WHERE order_number LIKE 'SLOW-%' AND status = 'processed'");
      const frozenWork = cron(a, "webhooks");
      // Up to a minute: on a loaded machine the sweep may take seconds to start; freezing it before it claims proves nothing.
      for (let i = 0; i < 2_400 && (await slowProcessed()) < 5; i++) await new Promise((r) => setTimeout(r, 25));
      a.pause();
      const stillClaimed = await count(
        "SELECT count(*) AS n FROM webhook_deliveries WHERE order_number LIKE 'SLOW-%' AND status = 'processing'",
      );
      expect(stillClaimed, "the frozen server holds claims").toBeGreaterThan(10);
      c.resume();

      // Past the lease, C takes the claims over and finishes them while A stays frozen: its cron sweep, run
      // again as the cron would (a busy database answers 503), or a drain an earlier test left running in
      // it (which may take the rows first; the sweep then finds them locked and answers 0). So the store
      // is counted, not the sweeps' answers. A may hold one delivery's row locked in its transaction.
      await new Promise((r) => setTimeout(r, (LEASE_SECONDS + 1) * 1_000));
      const takenOver = 45 - 1;
      for (let round = 0; round < 60 && (await slowProcessed()) < takenOver; round++) {
        const sweep = await cron(c, "webhooks");
        expect([200, 503], JSON.stringify(sweep.body)).toContain(sweep.status);
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(await slowProcessed()).toBeGreaterThanOrEqual(takenOver);

      a.resume();
      // Woken past its lease, the frozen server may find its transaction gone: it stops with a 503 (the
      // cron runs again) or finishes what is still its own; either way it must apply nothing twice.
      const woken = await frozenWork;
      expect([200, 503], JSON.stringify(woken.body)).toContain(woken.status);
      await allProcessed("SLOW-", 45, c);
      expectAppliedOnce(await applications("SLOW-"), 45);
    } finally {
      a.resume();
      c.resume();
      await sql.query("DROP TRIGGER IF EXISTS scale_out_trap ON orders; DROP FUNCTION IF EXISTS scale_out_trap()");
    }
  });

  it("a reconciliation frozen past its lease and resumed stores no duplicate difference and counts each order once", async () => {
    // Orders only we hold: Points answers 404 for each, a "missing at Points" difference apiece.
    // No run today yet, so the (daily) cron schedule starts one (lib/reconcile/cron-schedule.ts).
    // The deliveries too: the previous test's POISON delivery, retried once its trap is gone, would add an order mid-run.
    await sql.query("TRUNCATE webhook_deliveries, orders, reconcile_runs, reconcile_differences CASCADE");
    await sql.query(
      `INSERT INTO orders (id, points_uuid, order_number, order_number_key, type, order_status, total_price, total_points, points_updated_at, updated_at)
       SELECT gen_random_uuid(), gen_random_uuid(), 'GHOST-' || n, 'ghost-' || n, 'earning', 'approved', 10, 100, now(), now()
         FROM generate_series(1, 120) n`,
    );
    const planned = await count("SELECT count(*) AS n FROM orders");
    // Slow enough that the run (adaptive concurrency grows on fast answers) is still going when frozen.
    sim.state.faults.add({ method: "GET", paths: "^/orders/", delayMs: 400 });
    try {
      const checked = () => count("SELECT coalesce(max(checked), 0) AS n FROM reconcile_runs WHERE status = 'running'");
      const frozenRun = cron(a, "reconcile");
      for (let i = 0; i < 800 && (await checked()) < 20; i++) await new Promise((r) => setTimeout(r, 25));
      a.pause();
      expect(await checked()).toBeLessThan(planned);

      await new Promise((r) => setTimeout(r, (LEASE_SECONDS + 1) * 1_000));
      const taken = await cron(c, "reconcile");
      expect(taken.body).toMatchObject({ status: "completed", resumed: true, checked: planned });

      a.resume();
      const woke = await frozenRun;
      expect(woke.body).toMatchObject({ status: "busy", runId: taken.body.runId });

      expect(await count("SELECT count(*) AS n FROM reconcile_runs")).toBe(1);
      const [run] = (await sql.query("SELECT status, planned, checked, errors FROM reconcile_runs")).rows;
      expect(run).toEqual({ status: "completed", planned, checked: planned, errors: 0 });
      expect(
        await count(`SELECT count(*) AS n FROM (SELECT 1 FROM reconcile_differences WHERE status = 'open'
                      GROUP BY run_id, order_uuid, field HAVING count(*) > 1) dup`),
      ).toBe(0);
      expect(
        await count(
          "SELECT count(*) AS n FROM reconcile_differences WHERE status = 'open' AND field = 'order' AND kind = 'missing_at_points'",
        ),
      ).toBe(120);
    } finally {
      a.resume();
    }
  });

  it("concurrent cron calls make one reconciliation run and one alert; reconciliation's 404s are not Points refusing us", async () => {
    const live = [a, c];
    // A run is due (none today), so every call wants to start one: exactly one may.
    await sql.query("TRUNCATE reconcile_runs, reconcile_differences");
    const runs = await Promise.all([...live, ...live].map((s) => cron(s, "reconcile")));
    expect(runs.filter((r) => r.body.status === "completed" && !r.body.resumed)).toHaveLength(1);
    expect(runs.every((r) => r.status === 200)).toBe(true);
    expect(await count("SELECT count(*) AS n FROM reconcile_runs")).toBe(1);
    sim.state.faults.reset();

    await sql.query(
      `INSERT INTO points_api_calls (method, path, status, ok, error_kind, latency_ms) VALUES ('POST', $1, 500, false, 'http', 5)`,
      [`/orders/${randomUUID()}/refund`],
    );
    const evaluations = await Promise.all([...live, ...live].map((s) => cron(s, "alerts")));
    expect(evaluations.every((r) => r.status === 200)).toBe(true);
    const firing = (await sql.query<{ rule: string }>("SELECT rule FROM alerts WHERE state = 'firing'")).rows.map(
      (r) => r.rule,
    );
    expect(firing.filter((rule) => rule === "points_5xx")).toHaveLength(1);
    expect(firing).toContain("reconcile_differences");
    // Hundreds of 404s for orders Points does not know were logged above: none of them is Points refusing us.
    expect(await count("SELECT count(*) AS n FROM points_api_calls WHERE status = 404")).toBeGreaterThan(200);
    expect(firing).not.toContain("points_4xx");
    // Nothing above took the database away: the receiver's outage alert stays quiet.
    const failures = await sql.query("SELECT reason, count(*) FROM receiver_failures GROUP BY reason");
    expect(firing, JSON.stringify(failures.rows)).not.toContain("receiver_5xx");
  });
});
