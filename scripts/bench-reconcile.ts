// npm run bench:reconcile — one reconciliation run over N orders (default
// 100,000) held both by the sandbox double and by our store, against a double
// that answers every read after an injected latency (default 50 ms) and a share
// of them (default 2 %) with 429 and Retry-After (default 1 s). Prints orders/s,
// Points calls, 429s, the concurrency reached and the wall time, each beside its
// goal. Both sides are seeded in bulk: the double's orders through its state
// file, ours with one INSERT per 10,000 rows; one order in 200 is made to drift.
//   npm run bench:reconcile -- --orders 5000 [--latency 50] [--rate429 0.02] [--retry-after 1]
//   (or BENCH_ORDERS, BENCH_LATENCY_MS, BENCH_RATE_429, BENCH_RETRY_AFTER_S)
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { createPointsClient } from "@/lib/points/client";
import { apiOrderSchema } from "@/lib/points/schemas";
import { numberKey } from "@/lib/orders/search-keys";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { AdaptiveConcurrency } from "@/lib/reconcile/adaptive-concurrency";
import { runReconciliation } from "@/lib/reconcile/run-reconciliation";
import { newOrder } from "@/lib/sim/order-factory";
import type { SimOrder } from "@/lib/sim/order-types";
import { FIDELITY_PRESETS } from "@/lib/sim/fidelity";
import { toApiOrder } from "@/lib/sim/order-resource";
import { fmt, goalLine, numberOption } from "./lib/bench-report";
import { DATA_DIR, ROOT } from "./lib/stack";
import { waitForHttp } from "./lib/wait-for-http";

const ORDERS = numberOption("orders", "BENCH_ORDERS", 100_000);
const LATENCY_MS = numberOption("latency", "BENCH_LATENCY_MS", 50);
const RATE_429 = numberOption("rate429", "BENCH_RATE_429", 0.02);
const RETRY_AFTER_S = numberOption("retry-after", "BENCH_RETRY_AFTER_S", 1);
const CLOCK_ROUNDING_MS = 5;
const SIM_PORT = numberOption("sim-port", "BENCH_SIM_PORT", Number(process.env.SIM_PORT ?? 4010) + 90);
const GOAL_ORDERS = 100_000;
const GOAL_SECONDS = 600;
const DRIFT_EVERY = 200;
const INSERT_CHUNK = 10_000;

function simOrders(): SimOrder[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: ORDERS }, (_, i) => {
    const at = new Date(start + i * 1_000);
    const cents = 500 + ((i * 7919) % 200_000);
    return newOrder(i + 1, at, {
      orderNumber: `RB-${String(i).padStart(7, "0")}`,
      channel: "purchase",
      type: 1,
      orderStatus: "approved",
      totalPriceCents: cents,
      totalPoints: Math.round(cents / 10),
      phone: "500000001",
    });
  });
}

// Our rows are what applyOrderSnapshot would store from the double's own API answer, so only the planted drift differs.
async function seedStore(db: Db, orders: SimOrder[]) {
  for (let from = 0; from < orders.length; from += INSERT_CHUNK) {
    const rows = orders.slice(from, from + INSERT_CHUNK).map((o, j) => {
      const s = snapshotFromApi(
        apiOrderSchema.parse(JSON.parse(JSON.stringify(toApiOrder(o, FIDELITY_PRESETS.extended)))),
      );
      const drifted = (from + j) % DRIFT_EVERY === DRIFT_EVERY - 1;
      return { ...s, orderStatus: drifted ? "new" : s.orderStatus };
    });
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    await db.$executeRawUnsafe(
      `INSERT INTO orders (id, points_uuid, order_number, reference_number, type, order_status, payment_status,
                           total_price, total_points, points_created_at, points_updated_at, updated_at,
                           order_number_key, reference_key)
       SELECT gen_random_uuid(), u, n, r, 'earning', s, p, tp, pts, c, up, now(), nk, rk
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::int[],
                     $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[])
              AS t(u, n, r, s, p, tp, pts, c, up, nk, rk)`,
      col("uuid"),
      col("orderNumber"),
      col("referenceNumber"),
      col("orderStatus"),
      col("paymentStatus"),
      col("totalPrice"),
      col("totalPoints"),
      col("createdAt"),
      col("updatedAt"),
      rows.map((r) => numberKey(r.orderNumber)),
      rows.map((r) => (r.referenceNumber === null ? null : numberKey(r.referenceNumber))),
    );
  }
  await db.$executeRawUnsafe("VACUUM ANALYZE orders");
}

async function startDouble(stateFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/sim.ts")], {
    cwd: ROOT,
    env: { ...process.env, SIM_PORT: String(SIM_PORT), SIM_STATE_FILE: stateFile, SIM_WEBHOOK_URLS: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${SIM_PORT}`;
  await waitForHttp(`${url}/health`, 120_000);
  return { child, url };
}

async function control(url: string, pathname: string, body?: unknown, method = body ? "POST" : "GET") {
  const res = await fetch(`${url}/__control${pathname}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${pathname}: HTTP ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

async function callFigures(db: Db) {
  const [row] = await db.$queryRawUnsafe<Array<{ calls: bigint; throttled: bigint; min_wait_ms: number | null }>>(
    `WITH c AS (
       SELECT status, created_at, lead(created_at) OVER (PARTITION BY order_uuid ORDER BY id) AS next_at,
              lead(latency_ms) OVER (PARTITION BY order_uuid ORDER BY id) AS next_latency
         FROM points_api_calls WHERE path LIKE '/orders/%')
     SELECT count(*) AS calls, count(*) FILTER (WHERE status = 429) AS throttled,
            -- the next attempt's row is written after its answer: take its own latency off the gap
            min(extract(epoch FROM next_at - created_at) * 1000 - next_latency) FILTER (WHERE status = 429) AS min_wait_ms
       FROM c`,
  );
  return { calls: Number(row!.calls), throttled: Number(row!.throttled), minWaitMs: row!.min_wait_ms };
}

async function main() {
  const t0 = Date.now();
  console.log(
    `Reconciliation bench: ${fmt(ORDERS)} orders, ${LATENCY_MS} ms latency per read, ` +
      `${(RATE_429 * 100).toFixed(1)} % of reads answer 429 with Retry-After: ${RETRY_AFTER_S} s`,
  );
  const database = await createTestDatabase({ prefix: "bench_reconcile" });
  const db = createDb(database.url);
  const stateFile = path.join(DATA_DIR, `bench-reconcile-${process.pid}.json`);
  let sim: ChildProcess | undefined;
  try {
    const orders = simOrders();
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(stateFile, JSON.stringify({ orders }));
    await seedStore(db, orders);
    const double = await startDouble(stateFile);
    sim = double.child;
    console.log(`  seeded both sides in ${((Date.now() - t0) / 1000).toFixed(1)} s; double at ${double.url}`);
    const reads = { method: "GET", paths: "^/orders/[^/]+$" };
    await control(double.url, "/faults", {
      rules: [
        { ...reads, delayMs: LATENCY_MS },
        ...(RATE_429 > 0 ? [{ ...reads, status: 429, rate: RATE_429, retryAfter: RETRY_AFTER_S }] : []),
      ],
    });
    // The double keeps every call for tests; a bench of 100k calls only needs its own counts.
    const trim = setInterval(() => void control(double.url, "/calls", undefined, "DELETE").catch(() => {}), 10_000);

    const client = createPointsClient({
      baseUrl: `${double.url}/api/v1`,
      privateKey: "points-demo-private-key",
      publicKey: "points-demo-public-key",
      db,
    });
    const limiter = new AdaptiveConcurrency();
    let lastPrint = 0;
    const started = Date.now();
    const summary = await runReconciliation(
      { db, client },
      {
        trigger: "cli",
        limiter,
        onProgress: (done, planned) => {
          if (Date.now() - lastPrint < 5_000 && done < planned) return;
          lastPrint = Date.now();
          const s = (Date.now() - started) / 1000;
          console.log(
            `  ${fmt(done)} / ${fmt(planned)} after ${s.toFixed(0)} s (${fmt(done / Math.max(s, 0.001))}/s), concurrency ${limiter.limit}`,
          );
        },
      },
    );
    const wall = (Date.now() - started) / 1000;
    clearInterval(trim);
    const calls = await callFigures(db);
    const rate = summary.checked / wall;
    const projected = GOAL_ORDERS / rate;
    const expectedDiffering = Math.floor(ORDERS / DRIFT_EVERY);

    console.log(`\nRun ${summary.status}: checked ${fmt(summary.checked)}, differing ${fmt(summary.differing)}`);
    const correct = summary.status === "completed" && summary.differing === expectedDiffering && summary.errors === 0;
    console.log(
      goalLine(
        `  ${fmt(summary.differing)} differing, ${fmt(summary.errors)} errors`,
        `exactly the ${fmt(expectedDiffering)} planted, 0 errors`,
        correct,
      ),
    );
    console.log(`  wall time ${wall.toFixed(1)} s, ${fmt(rate, 1)} orders/s`);
    console.log(
      `  Points calls ${fmt(calls.calls)}, 429s ${fmt(calls.throttled)} (limiter saw ${limiter.stats.throttled})`,
    );
    console.log(
      `  concurrency: peak ${limiter.stats.peak}, at the end ${limiter.limit}, cut ${limiter.stats.cuts} times on 429`,
    );
    // Measured from the stored calls: created_at in whole milliseconds, less the next call's own latency.
    const honoured = calls.throttled === 0 || (calls.minWaitMs ?? 0) >= RETRY_AFTER_S * 1000 - CLOCK_ROUNDING_MS;
    console.log(
      goalLine(
        `  shortest wait after a 429: ${calls.minWaitMs === null ? "–" : `${fmt(calls.minWaitMs)} ms`}`,
        `≥ Retry-After (${RETRY_AFTER_S * 1000} ms, less ${CLOCK_ROUNDING_MS} ms of clock rounding)`,
        honoured,
      ),
    );
    const scale = ORDERS >= GOAL_ORDERS ? "" : ` (projected from ${fmt(ORDERS)})`;
    const fullProfile = LATENCY_MS >= 50 && RATE_429 > 0;
    console.log(
      goalLine(
        `  100k orders in ${(projected / 60).toFixed(1)} min${scale}`,
        `100k orders < 10 min at 50 ms latency with 429 + Retry-After${fullProfile ? "" : " (weaker profile run)"}`,
        projected < GOAL_SECONDS && honoured && fullProfile,
      ),
    );
    console.log(`\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    sim?.kill("SIGTERM");
    rmSync(stateFile, { force: true });
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
