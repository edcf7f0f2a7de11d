// npm run bench:search — order search and list latency at N orders (default 1,000,000).
// Seeds a fresh database in SQL (generate_series, indexes built once after the
// rows), then times searchOrders (the function the page calls, parsing
// included) over many varied inputs per kind, one at a time, and prints
// p50/p95/p99 with the goal and ✓/✗ beside each p95, then an
// EXPLAIN (ANALYZE, BUFFERS) of one input per kind: which index each statement
// reads, how many rows, and that no step sorts the matches. The goals hold at
// 1,000,000 orders; the load average is printed since other work on the
// machine shows in the figures (the plans do not depend on it).
//   npm run bench:search -- --orders 200000 --iterations 100   (or BENCH_ORDERS, BENCH_ITERATIONS)
import os from "node:os";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/db/keyset-page";
import { parseOrderSearch, type OrderSearch, type OrderSearchInput } from "@/lib/orders/order-search-params";
import { exactStatement, pageStatements, readPage, searchOrders } from "@/lib/orders/search-orders";
import { fmt, goalLine, numberOption, percentile } from "./lib/bench-report";
import { seedOrders } from "./lib/bench-seed";

const ORDERS = numberOption("orders", "BENCH_ORDERS", 1_000_000);
const ITERATIONS = numberOption("iterations", "BENCH_ITERATIONS", 200);
const GOAL_ORDERS = 1_000_000;

interface Sample {
  orderNumber: string;
  referenceNumber: string | null;
  pointsUuid: string;
  pointsUpdatedAt: Date;
  totalPrice: string;
  id: string;
  phone: string | null;
}

interface Kind {
  name: string;
  /** p95 goal in ms; none for the floor */
  goal?: number;
  input: () => OrderSearchInput;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const STATUSES = ["approved", "cancelled", "authorized", "fully_refunded", "new"];
const SHIPPING = ["delivered", "ready_shipping", "none", "cancelled"];
const SORTS = ["match", "updated_desc", "updated_asc", "amount_desc", "amount_asc", "number_asc", "number_desc"];
// The issue's goals; the filtered lists have none there, and keep the bench's own bar.
const EXACT_MS = 10;
const PREFIX_MS = 50;
const LIST_MS = 100;

// Inputs per kind, as support would type them into the page (so parsing is part of the timing).
function kinds(samples: Sample[]): Kind[] {
  const row = () => pick(samples);
  const withPhone = samples.filter((s) => s.phone);
  const number = (n: number) => String(n).padStart(7, "0");
  // A number's first 3 to 6 digits: 10,000 to 10 orders at 1M.
  const prefix = (value: string) => value.slice(0, "ORD-2026-".length + pick([3, 4, 5, 6]));
  const filters = (): OrderSearchInput => {
    const f: OrderSearchInput = {};
    if (Math.random() < 0.6) f.status = pick(STATUSES);
    if (Math.random() < 0.4) f.shipping = pick(SHIPPING);
    if (Math.random() < 0.4) f.type = pick(["earning", "replacing"]);
    if (Math.random() < 0.3) Object.assign(f, pick([{ min: "1000" }, { max: "20" }, { min: "100", max: "200" }]));
    if (Math.random() < 0.3) Object.assign(f, pick([{ from: "2026-01-01", to: "2026-01-31" }, { from: "2026-05-01" }]));
    f.sort = pick(SORTS.slice(1));
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
      goal: EXACT_MS,
      input: () => ({ q: pick(["", "#", " #"]) + row().orderNumber + pick(["", "  "]) }),
    },
    {
      name: "exact reference_number, lower case",
      goal: EXACT_MS,
      input: () => ({ q: (row().referenceNumber ?? "REF-2026-0000001").toLowerCase() }),
    },
    { name: "exact Points uuid", goal: EXACT_MS, input: () => ({ q: row().pointsUuid.toUpperCase() }) },
    {
      name: "exact customer phone (05…, +966 …)",
      goal: EXACT_MS,
      input: () => ({ q: pick(["0", "+966 ", "966"]) + (pick(withPhone).phone ?? "500000000") }),
    },
    { name: "uuid matching nothing", goal: EXACT_MS, input: () => ({ q: crypto.randomUUID() }) },
    {
      name: "prefix order_number / reference",
      goal: PREFIX_MS,
      input: () => ({
        q: pick(["ORD-2026-", "ref-2026-"]) + number(Math.floor(Math.random() * ORDERS)).slice(0, pick([3, 4, 5, 6])),
      }),
    },
    {
      // The page after a real match, as "Next" gives it: (key, id) in match order.
      name: "prefix, a later page",
      goal: PREFIX_MS,
      input: () => {
        const r = row();
        return { q: prefix(r.orderNumber), after: encodeCursor(r.orderNumber.toLowerCase(), r.id) };
      },
    },
    {
      name: "prefix, unselective, filters, a sort",
      goal: LIST_MS,
      input: () => ({ q: pick(["ORD-2026-0", "REF-"]), ...filters() }),
    },
    { name: "filtered list, first page", goal: LIST_MS, input: filters },
    { name: "filtered list, deep keyset page", goal: LIST_MS, input: deep },
  ];
}

function parse(input: OrderSearchInput): OrderSearch {
  const parsed = parseOrderSearch(input);
  if (!parsed.ok) throw new Error(`${JSON.stringify(input)}: ${parsed.error}`);
  return parsed.value;
}

// Actual rows and buffers without per-node costs or timings (they vary from run to run; the shape does not),
// and the server's planning and execution time, the part of a search PostgreSQL spends.
async function explain(db: Db, statement: Prisma.Sql): Promise<string> {
  const plan = await db.$queryRaw<
    Array<{ "QUERY PLAN": string }>
  >`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ${statement}`;
  return plan
    .map((l) => l["QUERY PLAN"])
    .filter((l) => !/^\s*(Heap Blocks|Heap Fetches|Index Searches|Planning:|Sort Method|Worker)/.test(l))
    .map((l) => `      ${l.slice(0, 180)}`)
    .join("\n");
}

async function printPlans(db: Db, name: string, search: OrderSearch) {
  const statements = pageStatements(search);
  const position = search.after ? `after ${search.after.value}_…` : "";
  console.log(`\n${name}: ${JSON.stringify({ ...search, after: undefined, before: undefined })} ${position}`);
  console.log(`    page, walk:\n${await explain(db, statements.walk)}`);
  const { read, found, furtherLimit } = await readPage(db, statements);
  if (furtherLimit !== null)
    console.log(
      `    too few (${found}), so walk ${fmt(furtherLimit)} rows:\n${await explain(db, statements.walkFurther(furtherLimit))}`,
    );
  if (read === "match first")
    console.log(
      `    ${furtherLimit === null ? `too few (${found})` : "still too few"}, so match first:\n${await explain(db, statements.matchFirst!)}`,
    );
  if (search.q && !statements.exactAmong)
    console.log(`    exact lookup:\n${await explain(db, exactStatement(search.q))}`);
  else if (search.q) console.log("    exact matches: picked from the page's first rows");
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

async function main() {
  const started = Date.now();
  console.log(`${os.cpus().length} CPUs, load average ${load()} (1, 5, 15 min)`);
  const database = await createTestDatabase({ prefix: "bench" });
  const db = createDb(database.url);
  try {
    console.log(`Seeding ${fmt(ORDERS)} orders into ${database.name} …`);
    await seedOrders(db, ORDERS);
    const samples = await db.$queryRaw<Sample[]>`
      SELECT order_number AS "orderNumber", reference_number AS "referenceNumber", points_uuid::text AS "pointsUuid",
             points_updated_at AS "pointsUpdatedAt", total_price::text AS "totalPrice", id::text AS id, phones[1] AS phone
      FROM orders TABLESAMPLE SYSTEM (${Math.min(100, Math.max(1, 200_000 / Math.max(ORDERS, 1)))}) LIMIT 2000`;
    console.log(`\n${ITERATIONS} searches per kind, one at a time; ms of server time (searchOrders, parsing included)`);
    const results: string[] = [];
    // What any statement costs from here under the machine's current load: the floor under every figure.
    const floor: Kind = { name: "floor: SELECT 1 round trip", input: () => ({}) };
    const all = kinds(samples);
    for (const kind of [floor, ...all]) {
      const run = kind === floor ? () => db.$queryRaw`SELECT 1` : (search: OrderSearch) => searchOrders(db, search);
      for (let i = 0; i < 10; i++) await run(parse(kind.input())); // warm the pool and caches
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const search = parse(kind.input());
        const t0 = performance.now();
        await run(search);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(1).padStart(7));
      const figure = `${kind.name.padEnd(37)}${p50}${p95}${p99}`;
      results.push(
        kind.goal === undefined
          ? `${figure.padEnd(58)} (no goal: the machine's own latency now)`
          : goalLine(figure, `p95 < ${kind.goal} ms`, percentile(times, 95) < kind.goal),
      );
    }
    console.log("\nPlans, one input per kind:");
    for (const kind of all) await printPlans(db, kind.name, parse(kind.input()));
    console.log(`\nAt ${fmt(ORDERS)} orders, load average ${load()} (1, 5, 15 min):`);
    if (ORDERS < GOAL_ORDERS) console.log(`(the goals are set for ${fmt(GOAL_ORDERS)} orders)`);
    console.log(`${"kind".padEnd(37)}${"p50".padStart(7)}${"p95".padStart(7)}${"p99".padStart(7)}`);
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
