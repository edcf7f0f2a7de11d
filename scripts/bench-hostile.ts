// npm run bench:hostile — the webhook receiver under hostile input.
// Starts the built app as `npm start` serves it (scripts/serve.ts) on a fresh
// database, throws at least 1,000 varied requests at POST /api/webhooks/points
// (bad JSON, NUL bytes, invalid UTF-8, huge fields, deep nesting, impossible
// timestamps and amounts, wrong types, unknown events, wrong secrets and
// content types, oversize bodies, and valid-but-odd deliveries mixed in),
// watches /api/health throughout, waits for the queue to drain and prints the
// status counts and its checks with ✓ or ✗ (exit 1 if any is ✗):
//   0 answers ≥ 500 · every answer the one the contract gives · 0 acknowledged
//   deliveries left unapplied · the server healthy throughout.
//   BENCH_HOSTILE_REQUESTS=2000 npm run bench:hostile
import http from "node:http";
import pg from "pg";
import { envelope, fixtureOrder, type FixtureOrder } from "@/lib/testing/webhook-fixtures";
import { startBenchApp } from "./lib/bench-app";

const SECRET = "bench-hostile-secret";
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const TOTAL = Math.max(1_000, Number(process.env.BENCH_HOSTILE_REQUESTS ?? 1_200));
const CONCURRENCY = 16;

interface Case {
  name: string;
  body: string | Buffer;
  headers?: Record<string, string | undefined>;
  /** The answers the contract allows. */
  expect: number[];
}

const order = (changes: Record<string, unknown> = {}) => ({ ...fixtureOrder(), ...changes }) as FixtureOrder;
const body = (changes: Record<string, unknown> = {}, event = "approved") =>
  JSON.stringify(envelope(event, order(changes)));
/** A body with `raw` JSON text spliced in where a field's value goes (what JSON.stringify cannot write). */
const spliced = (field: string, raw: string) => body({ [field]: "@@" }).replace('"@@"', raw);
const ok = (name: string, b: string): Case => ({ name, body: b, expect: [200] });
const bad = (name: string, b: string | Buffer): Case => ({ name, body: b, expect: [400] });

// Each generator makes a fresh request (new order ids), so accepted ones are new deliveries.
const GENERATORS: Array<() => Case | Case[]> = [
  // valid, and valid but odd
  () => ok("valid approved", body()),
  () => ok("decimal-string price", body({ total_price: "150.75" })),
  () => ok("microseconds and +03:00", body({ updated_at: "2026-04-18T13:05:12.123456+03:00" })),
  () => ok("largest amount and points", body({ total_price: 9_999_999_999.99, total_points: 2_147_483_647 })),
  () => ok("Arabic and emoji", body({ order_number: `طلب-${Math.random()}-🎁`, metadata: { note: "👍🏽" } })),
  () => ok("numeric order type", body({ type: 1 })),
  () => ok("null metadata and reference", body({ metadata: null, reference_number: null })),
  () => ok("unknown extra fields", body({ loyalty_tier: "gold", nested: { a: [1, 2, { b: null }] } })),
  () => {
    const base = order({ updated_at: "2026-04-18T10:06:00Z" });
    return [
      ok(
        "partial refund, same second",
        JSON.stringify(envelope("refunded", { ...base, order_status: "partially_refunded" })),
      ),
      ok("full refund, same second", JSON.stringify(envelope("refunded", { ...base, order_status: "fully_refunded" }))),
    ];
  },
  () => {
    const base = order({ updated_at: "2026-04-18T10:06:00Z" });
    return ["ready_shipping", "delivered"].map((status) =>
      ok("shipping update, same second", JSON.stringify(envelope("shipping_status_updated", { ...base, status }))),
    );
  },
  () => {
    const b = body();
    return [ok("repeat (first)", b), ok("repeat (duplicate)", b)];
  },
  () => ok("unknown event", body({}, ["points_transferred", "order.updated", "voided"][Math.floor(Math.random() * 3)])),
  // not JSON
  () =>
    bad("bad JSON", ['{"event":', "{oops}", "", "undefined", "{'a':1}", '{"a":1,}'][Math.floor(Math.random() * 6)]!),
  () => bad("raw NUL byte", Buffer.from(`{"event":"approved","order":{"id":"\u0000"}}`)),
  () =>
    bad(
      "invalid UTF-8",
      Buffer.concat([Buffer.from('{"event":"'), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    ),
  () => bad("BOM before JSON", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body())])),
  () => bad("200,000-deep arrays", "[".repeat(200_000)),
  // not an envelope
  () => bad("JSON null", "null"),
  () => bad("a string", '"approved"'),
  () => bad("an array", "[]"),
  () => bad("no order", JSON.stringify({ event: "approved" })),
  () => bad("order is a string", JSON.stringify({ event: "approved", order: "x" })),
  () => bad("event is an object", JSON.stringify({ event: { a: 1 }, order: order() })),
  () => bad("id is a number", body({ id: 42 })),
  () => bad("no updated_at", body({ updated_at: undefined })),
  // values the store cannot hold or Points cannot mean
  () => bad("year 0000", body({ updated_at: "0000-01-01T00:00:00Z" })),
  () => bad("created_at year 0000", body({ created_at: "0000-01-01T00:00:00Z" })),
  () => bad("3,000 fraction digits", body({ updated_at: `2026-04-18T10:05:12.${"9".repeat(3000)}Z` })),
  () => bad("offset +23:00", body({ updated_at: "2026-04-18T10:05:12+23:00" })),
  () => bad("200 KB order_number", body({ order_number: "N".repeat(200_000) })),
  () => bad("200 KB order_status", body({ order_status: "s".repeat(200_000) })),
  () => bad("NUL in reference_number", body({ reference_number: "R\u0000" })),
  () => bad("NUL in a metadata key", body({ metadata: { "a\u0000": 1 } })),
  () => bad("lone surrogate", body({ order_status: "approved\ud800" })),
  () => bad("lone low surrogate in metadata", body({ metadata: { n: "\udc00x" } })),
  () => bad("10,000-deep metadata", spliced("metadata", `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`)),
  () => bad("50 KB metadata", body({ metadata: { pad: "x".repeat(50_000) } })),
  () => bad("total_price 1e308", body({ total_price: 1e308 })),
  () => bad("total_price 99999999999.99", body({ total_price: 99_999_999_999.99 })),
  () => bad("total_price 1e400", spliced("total_price", "1e400")),
  () => bad("negative price", body({ total_price: -0.01 })),
  () =>
    bad(
      "price null/''/bool/array/hex",
      body({ total_price: [null, "", false, true, [5], "0x10", "1e3", " 5"][Math.floor(Math.random() * 8)] }),
    ),
  () => bad("total_points 3e9", body({ total_points: 3e9 })),
  () => bad("fractional points", body({ total_points: 2.5 })),
  () => bad("20,000-digit number (PostgreSQL refuses)", spliced("extra", `0.${"1".repeat(20_000)}`)),
  () => bad("10 KB event name", JSON.stringify({ event: "e".repeat(10_000), order: order() })),
  // transport
  () => ({ name: "wrong secret", body: body(), headers: { "x-webhook-secret": "guess" }, expect: [401] }),
  () => ({ name: "no secret", body: body(), headers: { "x-webhook-secret": undefined }, expect: [401] }),
  () => ({ name: "text/plain", body: body(), headers: { "content-type": "text/plain" }, expect: [415] }),
  () => ({ name: "no content type", body: body(), headers: { "content-type": undefined }, expect: [415] }),
  () => ({
    name: "form content type",
    body: "a=b",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    expect: [415],
  }),
  () => ({ name: "oversize (300 KB)", body: body({ metadata: { pad: "x".repeat(300_000) } }), expect: [413] }),
];

function send(agent: http.Agent, c: Case): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-webhook-secret": SECRET };
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return new Promise((resolve) => {
    const req = http.request(
      { agent, host: "127.0.0.1", port: PORT, path: "/api/webhooks/points", method: "POST", headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      },
    );
    // A connection reset before any answer counts as a failure (0), as a 5xx would.
    req.on("error", () => resolve(0));
    req.end(c.body);
  });
}

/** One GET /api/health on a fresh connection (a kept-alive one may be closed by the server as it is reused); null when 200. */
function checkHealth(): Promise<string | null> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: "127.0.0.1", port: PORT, path: "/api/health", agent: false, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode === 200 ? null : `HTTP ${res.statusCode}`));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/**
 * /api/health every 250 ms while `until` is pending. Healthy: 200 within
 * Points' own delivery timeout (10 s); what else came back is kept to print.
 */
async function watchHealth(until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  const problems: string[] = [];
  while (!done) {
    const started = performance.now();
    const problem = await checkHealth();
    if (problem) problems.push(problem);
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 250));
  }
  latencies.sort((a, b) => a - b);
  return { checks: latencies.length, problems, max: latencies.at(-1) ?? 0 };
}

async function run(cases: Case[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const results: Array<{ c: Case; status: number }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        results.push({ c, status: await send(agent, c) });
      }
    }),
  );
  agent.destroy();
  return results;
}

async function waitForQueue(client: pg.Client) {
  const started = Date.now();
  for (;;) {
    const { rows } = await client.query<{ open: number }>(
      "SELECT count(*)::int AS open FROM webhook_deliveries WHERE status IN ('pending', 'processing', 'failed')",
    );
    if (rows[0]!.open === 0 || Date.now() - started > 120_000) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  const app = await startBenchApp({ prefix: "bench_hostile", webhookSecret: SECRET, port: PORT });
  const client = new pg.Client({ connectionString: app.databaseUrl });
  try {
    await client.connect();
    const cases: Case[] = [];
    for (let i = 0; cases.length < TOTAL; i++) cases.push(...[GENERATORS[i % GENERATORS.length]!()].flat());
    console.log(`Sending ${cases.length} requests (${GENERATORS.length} kinds), ${CONCURRENCY} at a time…`);
    const started = performance.now();
    const sending = run(cases);
    const [results, health] = await Promise.all([sending, watchHealth(sending)]);
    const seconds = (performance.now() - started) / 1000;
    const drained = await waitForQueue(client);
    const { rows: stored } = await client.query<{ status: string; n: number }>(
      "SELECT status::text, count(*)::int AS n FROM webhook_deliveries GROUP BY 1 ORDER BY 1",
    );
    const { rows: failures } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM receiver_failures");

    const byStatus = new Map<number, number>();
    const wrong = new Map<string, string>();
    for (const { c, status } of results) {
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (!c.expect.includes(status)) wrong.set(c.name, `got ${status}, contract says ${c.expect.join("/")}`);
    }
    console.log(`\nAnswers (${results.length} requests in ${seconds.toFixed(1)} s):`);
    for (const [status, n] of [...byStatus].sort(([a], [b]) => a - b))
      console.log(`  ${status === 0 ? "no answer" : status}`.padEnd(14) + String(n).padStart(6));
    console.log("\nStored deliveries:");
    for (const r of stored) console.log(`  ${r.status}`.padEnd(14) + String(r.n).padStart(6));
    console.log(`Queue drained ${drained.toFixed(1)} s after the last answer.`);
    for (const [name, what] of wrong) console.log(`  ✗ ${name}: ${what}`);
    if (health.problems.length) console.log(`Health check failures: ${health.problems.join(", ")}`);

    const count = (s: string) => stored.find((r) => r.status === s)?.n ?? 0;
    const fiveHundreds = results.filter((r) => r.status >= 500 || r.status === 0).length;
    const unapplied = count("pending") + count("processing") + count("failed") + count("dead");
    const checks: Array<[string, boolean, string]> = [
      [`requests sent ≥ 1,000`, results.length >= 1_000, String(results.length)],
      ["answers ≥ 500 (or no answer) = 0", fiveHundreds === 0, String(fiveHundreds)],
      ["every answer the one the contract gives", wrong.size === 0, `${wrong.size} kinds differ`],
      ["acknowledged deliveries left unapplied = 0", unapplied === 0, `${unapplied} pending/failed/dead`],
      ["receiver failures recorded = 0", failures[0]!.n === 0, String(failures[0]!.n)],
      [
        "/api/health 200 throughout (within 10 s)",
        health.problems.length === 0,
        `${health.checks - health.problems.length}/${health.checks}, max ${(health.max / 1000).toFixed(1)} s`,
      ],
    ];
    console.log("");
    for (const [label, pass, figure] of checks)
      console.log(`${label.padEnd(46)} ${figure.padStart(22)}  ${pass ? "✓" : "✗"}`);
    if (checks.some(([, pass]) => !pass)) process.exitCode = 1;
  } finally {
    await client.end().catch(() => {});
    await app.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
