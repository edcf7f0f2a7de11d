// npm run bench:webhooks — webhook receiver throughput and ack latency.
// Drives the built app with autocannon at fixed rates and flat out, and in the
// same run a bare node:http server doing the same secret check and one
// PostgreSQL insert (the floor any framework sits on). Prints req/s and p50/p99
// ack latency for both, and the ratio. The app is measured as `npm start`
// serves it (scripts/serve.ts) and, for comparison, under plain `next start`,
// where the route handler answers as it does on Vercel.
//   BENCH_SECONDS=10 npm run bench:webhooks
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { startBenchApp } from "./lib/bench-app";
import { ROOT } from "./lib/stack";

const SECRET = "bench-webhook-secret";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APP_PORT = 3300;
const FLOOR_PORT = 3301;
const NEXT_START_PORT = 3302;
const RATES = [100, 300];
const TSX = [path.join(ROOT, "node_modules/tsx/dist/cli.mjs")];

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

let runs = 0;
async function load(url: string, label: string, rate?: number): Promise<Figures> {
  const args = JSON.stringify({ url, secret: SECRET, seconds: SECONDS, rate, prefix: `${process.pid}-${++runs}` });
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...TSX, path.join(ROOT, "scripts/lib/bench-load.ts"), args],
    { cwd: ROOT },
  );
  return { label, ...(JSON.parse(stdout) as Omit<Figures, "label">) };
}

function startFloor(databaseUrl: string): Promise<{ close(): void }> {
  const child = spawn(
    process.execPath,
    [...TSX, path.join(ROOT, "scripts/lib/bench-floor.ts"), databaseUrl, String(FLOOR_PORT), SECRET],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`floor server exited (${code})`)));
    child.stdout.once("data", () => resolve({ close: () => child.kill("SIGTERM") }));
  });
}

function print(rows: Figures[]) {
  console.log(
    "\n" +
      [
        "run".padEnd(28),
        "req/s".padStart(9),
        "p50 ms".padStart(8),
        "p99 ms".padStart(8),
        "non-2xx".padStart(8),
        "errors".padStart(7),
      ].join(" "),
  );
  for (const r of rows)
    console.log(
      [
        r.label.padEnd(28),
        r.rps.toFixed(0).padStart(9),
        r.p50.toFixed(1).padStart(8),
        r.p99.toFixed(1).padStart(8),
        String(r.non2xx).padStart(8),
        String(r.errors).padStart(7),
      ].join(" "),
    );
}

async function main() {
  const app = await startBenchApp({
    prefix: "bench",
    webhookSecret: SECRET,
    port: APP_PORT,
    nextStartPort: NEXT_START_PORT,
  });
  const floor = await startFloor(app.databaseUrl).catch(async (error) => {
    await app.stop();
    throw error;
  });
  try {
    const appUrl = `http://127.0.0.1:${APP_PORT}/api/webhooks/points`;
    const nextStartUrl = `http://127.0.0.1:${NEXT_START_PORT}/api/webhooks/points`;
    const floorUrl = `http://127.0.0.1:${FLOOR_PORT}/`;
    console.log(`Warming up, then ${SECONDS} s per run…`);
    await load(appUrl, "warm-up", 100);
    await load(nextStartUrl, "warm-up", 100);
    const rows: Figures[] = [];
    for (const rate of RATES) {
      rows.push(await load(floorUrl, `floor @ ${rate} req/s`, rate));
      rows.push(await load(appUrl, `app   @ ${rate} req/s`, rate));
    }
    const nextAt300 = await load(nextStartUrl, "next start @ 300 req/s", 300);
    const floorMax = await load(floorUrl, "floor flat out");
    const appMax = await load(appUrl, "app   flat out");
    // Before anything else runs: the next start server's drain would work the app's backlog off too.
    const backlog = await reportBacklog(app.databaseUrl);
    const nextMax = await load(nextStartUrl, "next start flat out");
    // Next.js answering a route that does nothing (405): its own per-request cost.
    const framework = await load(`http://127.0.0.1:${NEXT_START_PORT}/api/health`, "next.js no-op route (405)");
    rows.push(nextAt300, floorMax, appMax, nextMax, framework);
    print(rows);
    console.log(`\n${backlog}`);
    const at300 = rows.find((r) => r.label === "app   @ 300 req/s")!;
    const ratio = appMax.rps / floorMax.rps;
    console.log(
      `\nThroughput ratio app/floor (flat out): ${(ratio * 100).toFixed(0)}%   target ≥ 50%  ${ratio >= 0.5 ? "✓" : "✗"}`,
    );
    console.log(
      `App p99 ack latency at 300 req/s: ${at300.p99.toFixed(1)} ms   target < 25 ms  ${at300.p99 < 25 ? "✓" : "✗"}`,
    );
    console.log(
      `Under plain next start (the route handler, as on Vercel): ${((nextMax.rps / floorMax.rps) * 100).toFixed(0)}% of the floor, p99 ${nextAt300.p99.toFixed(1)} ms at 300 req/s`,
    );
  } finally {
    floor.close();
    await app.stop();
  }
}

/** Processing may lag during a burst but must catch up: how long until every stored delivery is processed. */
async function reportBacklog(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const count = async () =>
    (
      await client.query<{ total: string; open: string }>(
        "SELECT count(*) AS total, count(*) FILTER (WHERE status <> 'processed') AS open FROM webhook_deliveries WHERE dedupe_key NOT LIKE 'floor-%'",
      )
    ).rows[0]!;
  let { total, open } = await count();
  const atEnd = open;
  while (Number(open) > 0 && Date.now() - started < 120_000) {
    await new Promise((r) => setTimeout(r, 500));
    ({ total, open } = await count());
  }
  await client.end();
  return `Processing: ${atEnd} of ${total} app deliveries were still queued when the flat-out load stopped; ${open} after ${((Date.now() - started) / 1000).toFixed(1)} s.`;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
