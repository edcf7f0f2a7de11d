// The shape of the search's query plans on a seeded table: each kind of term
// is answered from its index, a prefix is read in index order and stops after
// a page, and nothing sorts the matches. This fails when an index or a query
// change makes PostgreSQL fall back to reading and sorting the matches, which
// no timing would show on a table this small. (npm run bench:search prints the
// same plans at 1,000,000 orders.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedOrders } from "@/scripts/lib/bench-seed";
import { parseOrderSearch, type OrderSearchInput } from "./order-search-params";
import { exactStatement, PAGE_SIZE, pageStatements } from "./search-orders";

// Enough rows that reading them all costs the planner far more than a page does.
const ORDERS = 30_000;

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Scan Direction"?: string;
  "Index Cond"?: string;
  "Actual Rows": number;
  Plans?: PlanNode[];
}

let database: TestDatabase;
let db: Db;
let sample: { orderNumber: string; referenceNumber: string; uuid: string; phone: string; id: string };

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "search_plans" });
  db = createDb(database.url);
  await seedOrders(db, ORDERS, () => {});
  const rows = await db.$queryRaw<(typeof sample)[]>`
    SELECT order_number AS "orderNumber", reference_number AS "referenceNumber", points_uuid::text AS uuid,
           phones[1] AS phone, id::text AS id
      FROM orders WHERE reference_number IS NOT NULL AND cardinality(phones) > 0 ORDER BY order_number LIMIT 1 OFFSET 500`;
  sample = rows[0]!;
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

async function plan(statement: Prisma.Sql): Promise<PlanNode[]> {
  const [row] = await db.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>`
    EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`;
  const nodes: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(visit);
  };
  visit(row!["QUERY PLAN"][0]!.Plan);
  return nodes;
}

function search(input: OrderSearchInput) {
  const parsed = parseOrderSearch(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const scansOf = (nodes: PlanNode[], index: string) => nodes.filter((n) => n["Index Name"] === index);
const nodeTypes = (nodes: PlanNode[]) => nodes.map((n) => n["Node Type"]);

describe("search plans on a seeded table", () => {
  it.each([
    ["order number", () => `#${sample.orderNumber.toLowerCase()}`, "orders_order_number_key_id_idx"],
    ["reference number", () => sample.referenceNumber, "orders_reference_key_id_idx"],
    ["uuid", () => sample.uuid.toUpperCase(), "orders_points_uuid_key"],
  ])("looks an exact %s up in its index", async (_kind, term, index) => {
    const nodes = await plan(exactStatement(search({ q: term() }).q!));
    expect(nodeTypes(nodes)).not.toContain("Seq Scan");
    expect(scansOf(nodes, index).map((n) => n["Actual Rows"])).toEqual([1]);
  });

  it("reads a customer's phone from the phones index, their orders first", async () => {
    const nodes = await plan(pageStatements(search({ q: `0${sample.phone}` })).walk);
    expect(nodeTypes(nodes)).not.toContain("Seq Scan");
    expect(scansOf(nodes, "orders_phones_idx").length).toBe(1);
    expect(scansOf(nodes, "orders_phones_idx")[0]!["Actual Rows"]).toBeGreaterThan(0);
  });

  it.each<[string, () => OrderSearchInput, string]>([
    // every seeded number starts with it: the worst case for anything that collects the matches first
    ["a prefix all orders share", () => ({ q: "ORD-2026-00" }), "Forward"],
    ["the same prefix in capitals and lower case", () => ({ q: "ord-2026-00" }), "Forward"],
    [
      "a later page of it",
      () => ({ q: "ORD-2026-00", after: `${sample.orderNumber.toLowerCase()}_${sample.id}` }),
      "Forward",
    ],
    [
      "the page before a position",
      () => ({ q: "ORD-2026-00", before: `${sample.orderNumber.toLowerCase()}_${sample.id}` }),
      "Backward",
    ],
  ])(
    "reads %s in key order from the btree and stops after a page, sorting nothing",
    async (_kind, input, direction) => {
      const statements = pageStatements(search(input()));
      const nodes = await plan(statements.walk);
      expect(nodeTypes(nodes)).not.toContain("Seq Scan");
      expect(nodeTypes(nodes)).not.toContain("Sort");
      expect(nodeTypes(nodes)).toContain("Merge Append");
      const [numbers] = scansOf(nodes, "orders_order_number_key_id_idx");
      expect(numbers).toMatchObject({ "Node Type": "Index Scan", "Scan Direction": direction });
      // a range scan (what `^@` becomes under the "C" collation), not a full index walk
      expect(numbers!["Index Cond"]).toMatch(/order_number_key >= 'ord-2026-00'.*order_number_key < 'ord-2026-01'/);
      expect(numbers!["Actual Rows"]).toBe(PAGE_SIZE + 1);
      expect(scansOf(nodes, "orders_reference_key_id_idx")).toHaveLength(1);
      expect((await db.$queryRaw<unknown[]>(statements.walk)).length).toBe(PAGE_SIZE + 1);
      // no filters: the walk's page is the whole answer
      expect(statements.matchFirst).toBeNull();
    },
  );

  it("reads a reference prefix from the reference index the same way", async () => {
    const nodes = await plan(pageStatements(search({ q: "REF-2026-00" })).walk);
    expect(nodeTypes(nodes)).not.toContain("Sort");
    const [references] = scansOf(nodes, "orders_reference_key_id_idx");
    expect(references!["Index Cond"]).toMatch(/reference_key >= 'ref-2026-00'/);
    expect(references!["Actual Rows"]).toBeLessThanOrEqual(PAGE_SIZE + 1);
  });
});
