// npm run bench:search — order search and list latency at 1,000,000 orders.
// Seeds a fresh database in SQL (generate_series), then times searchOrders (the
// function the page calls, parsing included) over many varied inputs per kind
// and prints p50/p95/p99 with an EXPLAIN ANALYZE of one input per kind.
//   BENCH_ORDERS=200000 BENCH_ITERATIONS=100 npm run bench:search
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/db/keyset-page";
import { parseOrderSearch, type OrderSearch, type OrderSearchInput } from "@/lib/orders/order-search-params";
import {
  exactStatement,
  matchFirstStatement,
  PAGE_SIZE,
  searchOrders,
  walkStatement,
} from "@/lib/orders/search-orders";
import { seedOrders } from "./lib/bench-seed";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

interface Sample {
  orderNumber: string;
  referenceNumber: string | null;
  pointsUuid: string;
  pointsUpdatedAt: Date;
  totalPrice: string;
  id: string;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const STATUSES = ["approved", "cancelled", "authorized", "fully_refunded", "new"];
const SHIPPING = ["delivered", "ready_shipping", "none", "cancelled"];

// Inputs per kind, as a person would type them into the page (so parsing is part of the timing).
function kinds(samples: Sample[]): Array<{ name: string; target: number; input: () => OrderSearchInput }> {
  const row = () => pick(samples);
  const number = (n: number) => String(n).padStart(7, "0");
  const filters = (): OrderSearchInput => {
    const f: OrderSearchInput = {};
    if (Math.random() < 0.6) f.status = pick(STATUSES);
    if (Math.random() < 0.4) f.shipping = pick(SHIPPING);
    if (Math.random() < 0.4) f.type = pick(["earning", "replacing"]);
    if (Math.random() < 0.3) Object.assign(f, pick([{ min: "1000" }, { max: "20" }, { min: "100", max: "200" }]));
    if (Math.random() < 0.3) Object.assign(f, pick([{ from: "2026-01-01", to: "2026-01-31" }, { from: "2026-05-01" }]));
    f.sort = pick([
      "updated_desc",
      "updated_desc",
      "updated_asc",
      "amount_desc",
      "amount_asc",
      "number_asc",
      "number_desc",
    ]);
    return f;
  };
  // A real row's position stands in for having clicked "Next" thousands of times.
  const deep = (): OrderSearchInput => {
    const f = filters();
    const r = row();
    const value = f.sort!.startsWith("updated")
      ? r.pointsUpdatedAt
      : f.sort!.startsWith("amount")
        ? r.totalPrice
        : r.orderNumber;
    return { ...f, after: encodeCursor(value, r.id) };
  };
  return [
    {
      name: "exact order_number (# and spaces)",
      target: 20,
      input: () => ({ q: pick(["", "#", " #"]) + row().orderNumber + pick(["", "  "]) }),
    },
    { name: "exact reference_number", target: 20, input: () => ({ q: row().referenceNumber ?? "REF-2026-0000001" }) },
    { name: "exact Points uuid", target: 20, input: () => ({ q: row().pointsUuid.toUpperCase() }) },
    { name: "uuid matching nothing", target: 20, input: () => ({ q: crypto.randomUUID() }) },
    // 10 to 10,000 matches, and an unselective one that matches nearly everything.
    {
      name: "prefix order_number / reference",
      target: 100,
      input: () => ({
        q: pick(["ORD-2026-", "REF-2026-"]) + number(Math.floor(Math.random() * ORDERS)).slice(0, pick([3, 4, 5, 6])),
      }),
    },
    {
      name: "prefix, unselective + filter",
      target: 100,
      input: () => ({ q: pick(["ORD-2026-0", "REF-"]), ...filters() }),
    },
    { name: "filtered list, first page", target: 100, input: filters },
    { name: "filtered list, deep keyset page", target: 100, input: deep },
  ];
}

function parse(input: OrderSearchInput): OrderSearch {
  const parsed = parseOrderSearch(input);
  if (!parsed.ok) throw new Error(`${JSON.stringify(input)}: ${parsed.error}`);
  return parsed.value;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

// The plan's shape without costs: which index each query kind walks, and what it filters.
async function explain(db: Db, statement: Prisma.Sql): Promise<string> {
  const plan = await db.$queryRaw<
    Array<{ "QUERY PLAN": string }>
  >`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement}`;
  return plan
    .map((l) => l["QUERY PLAN"])
    .filter((l) => !/^\s*(Rows Removed|Heap Blocks|Heap Fetches|Buffers|Planning|Execution)/.test(l))
    .map((l) => `      ${l.slice(0, 150)}`)
    .join("\n");
}

async function main() {
  const started = Date.now();
  const database = await createTestDatabase({ prefix: "bench" });
  const db = createDb(database.url);
  try {
    console.log(`Seeding ${ORDERS.toLocaleString("en")} orders into ${database.name} …`);
    await seedOrders(db, ORDERS);
    const samples = await db.$queryRaw<Sample[]>`
      SELECT order_number AS "orderNumber", reference_number AS "referenceNumber", points_uuid::text AS "pointsUuid",
             points_updated_at AS "pointsUpdatedAt", total_price::text AS "totalPrice", id::text AS id
      FROM orders TABLESAMPLE SYSTEM (1) LIMIT 2000`;
    console.log(
      `\n${ITERATIONS} searches per kind, one at a time; ms of server time (searchOrders, parsing included)\n`,
    );
    const results: string[] = [];
    for (const kind of kinds(samples)) {
      for (let i = 0; i < 10; i++) await searchOrders(db, parse(kind.input())); // warm the pool and caches
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const input = kind.input();
        const t0 = performance.now();
        await searchOrders(db, parse(input));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
      const ok = p95! < kind.target ? "✓" : "✗";
      results.push(
        `${kind.name.padEnd(36)} ${[p50, p95, p99].map((v) => v!.toFixed(1).padStart(7)).join(" ")}   p95 < ${kind.target} ms ${ok}`,
      );
      const example = parse(kind.input());
      console.log(`${kind.name}: ${JSON.stringify({ ...example, after: example.after ? "…" : undefined })}`);
      console.log(`    walk:\n${await explain(db, walkStatement(example))}`);
      const walked = await db.$queryRaw<unknown[]>(walkStatement(example));
      if (walked.length <= PAGE_SIZE)
        console.log(`    too few, so match first:\n${await explain(db, matchFirstStatement(example))}`);
      if (example.q) console.log(`    exact lookup:\n${await explain(db, exactStatement(example.q))}`);
    }
    console.log(`\n${"kind".padEnd(36)} ${["p50".padStart(7), "p95".padStart(7), "p99".padStart(7)].join(" ")}`);
    for (const line of results) console.log(line);
    console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
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
