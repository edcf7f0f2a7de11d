// What both orders of the list (search-orders.ts) share: the columns read, the
// filters as SQL, and the tries a page is read in.
import { Prisma } from "@/lib/generated/prisma/client";
import { riyadhDayEnd, riyadhDayStart } from "@/lib/time/riyadh";
import { isUuid, type OrderSearch } from "./order-search-params";
import { numberKey, phoneKey } from "./search-keys";

export interface DbRow {
  id: string;
  points_uuid: string;
  order_number: string;
  reference_number: string | null;
  type: "earning" | "replacing";
  order_status: string;
  shipping_status: string | null;
  shipping_label_ar: string | null;
  shipping_label_en: string | null;
  total_price: string;
  total_points: number;
  points_updated_at: Date;
  /** In "match" order: the key the row was found by, its place in the list. */
  match_key?: string;
}

// The search keys too, since the walk checks the other conditions on its rows.
export const STORED = Prisma.raw(`id, points_uuid, order_number, reference_number, type, order_status, shipping_status,
  shipping_label_ar, shipping_label_en, total_price, total_points, points_updated_at, order_number_key, reference_key,
  phones`);
// Some columns are cast to text under their own name, so ORDER BY names the table's columns explicitly.
export const COLUMNS = Prisma.sql`id::text, points_uuid::text, order_number, reference_number, type::text AS type,
  order_status, shipping_status, shipping_label_ar, shipping_label_en, total_price::text AS total_price, total_points,
  points_updated_at`;

/** A column one of the sorts walks; filters on it become index conditions of that walk. */
export type SortColumn = "points_updated_at" | "total_price" | "order_number";

/**
 * The filters (not the search term), split into those on the walked column,
 * which go inside the walk as index conditions that move its start and end,
 * and the others, checked on each row it reads.
 */
export function filterConditions(
  search: OrderSearch,
  walked: SortColumn | null,
): { onSort: Prisma.Sql[]; other: Prisma.Sql[] } {
  const onSort: Prisma.Sql[] = [];
  const other: Prisma.Sql[] = [];
  const add = (column: SortColumn | null, condition: Prisma.Sql) =>
    (column !== null && column === walked ? onSort : other).push(condition);
  if (search.status) add(null, Prisma.sql`order_status = ${search.status}`);
  if (search.shipping === "none") add(null, Prisma.sql`shipping_status IS NULL`);
  else if (search.shipping) add(null, Prisma.sql`shipping_status = ${search.shipping}`);
  if (search.type) add(null, Prisma.sql`type = ${search.type}::"OrderType"`);
  if (search.min) add("total_price", Prisma.sql`total_price >= ${search.min}::numeric`);
  if (search.max) add("total_price", Prisma.sql`total_price <= ${search.max}::numeric`);
  if (search.from) add("points_updated_at", Prisma.sql`points_updated_at >= ${riyadhDayStart(search.from)}`);
  if (search.to) add("points_updated_at", Prisma.sql`points_updated_at < ${riyadhDayEnd(search.to)}`);
  return { onSort, other };
}

/** The term as a Points uuid, if it is one. */
export const uuidCondition = (term: string) =>
  isUuid(term) ? Prisma.sql`points_uuid = ${term.toLowerCase()}::uuid` : null;

/** What the term names other than by number: the order with that uuid, the orders that carry that phone. */
export function namedConditions(term: string): Prisma.Sql[] {
  const phone = phoneKey(term);
  const byUuid = uuidCondition(term);
  return [...(byUuid ? [byUuid] : []), ...(phone ? [Prisma.sql`phones @> ARRAY[${phone}]::text[]`] : [])];
}

/** The term as one condition: an order or reference number starting with it, the uuid it is, or a phone it reads as. */
export function termCondition(term: string): Prisma.Sql {
  // `^@` (starts with) rather than LIKE: no wildcards to escape, and a "C"-collated btree answers it as a range.
  const key = numberKey(term);
  const byNumber = [Prisma.sql`order_number_key ^@ ${key}`, Prisma.sql`reference_key ^@ ${key}`];
  return Prisma.sql`(${Prisma.join([...byNumber, ...namedConditions(term)], " OR ")})`;
}

export const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.raw("TRUE"));

/**
 * A page is read in up to three tries, so that no combination of filters
 * makes PostgreSQL read the whole table. `walk` reads the list's index(es) in
 * list order from the page position, at most `walkLimit` rows each, and keeps
 * the matches: cheap when matches are common. Planned alone, PostgreSQL takes
 * this path whenever it expects matches to be common, and when they are not
 * (correlated filters: earning orders that have a shipping status, say) it
 * ends up reading the whole table; the bound caps that. When the walk finds
 * less than a page but some, how many tells how far a walk must go to fill it
 * (furtherWalkLimit): `walkFurther` walks that far when it is a few times the
 * first walk, since a common filter's index (a price range: 100,000 orders)
 * costs more to read whole. Failing both, `matchFirst` finds the (then rare)
 * matches through the filters' own indexes and sorts them; it is null when
 * every row the walk reads matches (no filter to check), since the walk's
 * answer is then whole.
 */
export interface PageStatements {
  walk: Prisma.Sql;
  /** The walk, reading up to `limit` rows. */
  walkFurther: (limit: number) => Prisma.Sql;
  matchFirst: Prisma.Sql | null;
  cursorOf: (row: DbRow) => string;
  /**
   * The orders the term names exactly, picked from the rows the page read (null when they did not reach past
   * them); null when the page cannot hold them all (a filter, a later page, a column sort).
   */
  exactAmong: ((rows: DbRow[]) => DbRow[] | null) | null;
}

export interface PageOptions {
  pageSize?: number;
  walkLimit?: number;
}

export const PAGE_SIZE = 50;
// How far a page walks an index before it looks the matches up instead.
export const WALK_LIMIT = 5_000;
// How many times the first walk a further walk may read. Timed both ways on the same inputs at 1M orders, a
// further walk of 30,000–40,000 rows had a longer tail than looking the matches up (p90 149–172 ms against
// 87–100), and under 20,000 rows the walk was the faster by far (docs/architecture.md).
const FURTHER_WALK_FACTOR = 6;
// Matches are not spread evenly: the further walk aims at half as many again as it expects to need.
const FURTHER_WALK_MARGIN = 1.5;

/** Whether the walk may miss matches: a filter is checked on its rows, or a page is more than it reads. */
export const walkMayMiss = (other: Prisma.Sql[], pageSize: number, walkLimit: number) =>
  other.length > 0 || pageSize >= walkLimit;

/**
 * How many rows a further walk reads to fill a page, judged by the `found` matches the first walk of
 * `walkLimit` rows read; null when it found none (nothing to judge by) or the walk would be too long.
 */
export function furtherWalkLimit(found: number, pageSize: number, walkLimit: number): number | null {
  if (found === 0) return null;
  const limit = Math.ceil(((walkLimit * (pageSize + 1)) / found) * FURTHER_WALK_MARGIN);
  return limit <= walkLimit * FURTHER_WALK_FACTOR ? limit : null;
}
