// npm run bench:webhooks — webhook receiver throughput and ack latency.
// Drives the built app (`next start`) with autocannon at fixed rates and flat
// out, and in the same run a bare node:http server doing the same secret check
// and one PostgreSQL insert (the floor any framework sits on). Prints req/s and
// p50/p99 ack latency for both, and the ratio.
//   BENCH_SECONDS=10 npm run bench:webhooks
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createTestDatabase } from "@/lib/db/test-database";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { verifyWebhookSecret } from "@/lib/webhooks/verify-secret";
import { buildIsStale, nextBuild } from "./lib/next-build";
import { ROOT } from "./lib/stack";
import { waitForHttp } from "./lib/wait-for-http";

const SECRET = "bench-webhook-secret";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APP_PORT = 3300;
const FLOOR_PORT = 3301;
const RATES = [100, 300];

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

let sequence = 0;
function uniqueBody(): string {
  sequence++;
  return JSON.stringify(envelope("approved", fixtureOrder({ order_number: `BENCH-${sequence}`, updated_at: new Date(Date.UTC(2026, 0, 1) + sequence).toISOString() })));
}

async function load(url: string, label: string, rate?: number): Promise<Figures> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: rate ? 20 : 50,
    duration: SECONDS,
    ...(rate ? { overallRate: rate } : {}),
    headers: { "content-type": "application/json", "x-webhook-secret": SECRET },
    requests: [{ setupRequest: (req) => ({ ...req, body: uniqueBody() }) }],
  });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The floor: verify the secret, read the body, one INSERT, answer. */
function startFloor(databaseUrl: string): Promise<{ close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer((req, res) => {
    const header = req.headers["x-webhook-secret"];
    if (!verifyWebhookSecret(typeof header === "string" ? header : null, [SECRET]).ok) {
      res.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      pool
        .query("INSERT INTO webhook_deliveries (dedupe_key, raw_body, headers) VALUES ($1, $2, '{}'::jsonb)", [`floor-${Math.random()}`, body])
        .then(() => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true,"duplicate":false}'))
        .catch(() => res.writeHead(503).end());
    });
  });
  return new Promise((resolve) =>
    server.listen(FLOOR_PORT, "127.0.0.1", () =>
      resolve({ close: async () => void (await Promise.all([new Promise((r) => server.close(r)), pool.end()])) }),
    ),
  );
}

function print(rows: Figures[]) {
  console.log("\n" + ["run".padEnd(28), "req/s".padStart(9), "p50 ms".padStart(8), "p99 ms".padStart(8), "non-2xx".padStart(8), "errors".padStart(7)].join(" "));
  for (const r of rows)
    console.log([r.label.padEnd(28), r.rps.toFixed(0).padStart(9), r.p50.toFixed(1).padStart(8), r.p99.toFixed(1).padStart(8), String(r.non2xx).padStart(8), String(r.errors).padStart(7)].join(" "));
}

async function main() {
  const database = await createTestDatabase({ prefix: "bench" });
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    POINTS_WEBHOOK_SECRETS: SECRET,
    AUTH_SECRET: "bench-auth-secret-bench-auth-secret-0",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
  };
  if (buildIsStale(ROOT)) nextBuild(ROOT, env);
  const app = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(APP_PORT)], { cwd: ROOT, env, stdio: "ignore" });
  const floor = await startFloor(database.url);
  try {
    await waitForHttp(`http://127.0.0.1:${APP_PORT}/api/health`, 60_000);
    const appUrl = `http://127.0.0.1:${APP_PORT}/api/webhooks/points`;
    const floorUrl = `http://127.0.0.1:${FLOOR_PORT}/`;
    console.log(`Warming up, then ${SECONDS} s per run…`);
    await load(appUrl, "warm-up", 100);
    const rows: Figures[] = [];
    for (const rate of RATES) {
      rows.push(await load(floorUrl, `floor @ ${rate} req/s`, rate));
      rows.push(await load(appUrl, `app   @ ${rate} req/s`, rate));
    }
    const floorMax = await load(floorUrl, "floor flat out");
    const appMax = await load(appUrl, "app   flat out");
    rows.push(floorMax, appMax);
    print(rows);
    const at300 = rows.find((r) => r.label === "app   @ 300 req/s")!;
    const ratio = appMax.rps / floorMax.rps;
    console.log(`\nThroughput ratio app/floor (flat out): ${(ratio * 100).toFixed(0)}%   target ≥ 50%  ${ratio >= 0.5 ? "✓" : "✗"}`);
    console.log(`App p99 ack latency at 300 req/s: ${at300.p99.toFixed(1)} ms   target < 25 ms  ${at300.p99 < 25 ? "✓" : "✗"}`);
  } finally {
    app.kill("SIGTERM");
    await floor.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
