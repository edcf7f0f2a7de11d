// The order list: one search box, filters, seven sorts, keyset pagination.
//
// The search term matches an order when it equals its Points uuid, or is a
// prefix of its order_number or reference_number (an exact match is a prefix
// too) whatever the case, spaces or leading `#`, or is a Saudi mobile number
// the order's data carries (any of the forms §1.5 accepts). The one order a
// pasted identifier names exactly is picked from the page when match order
// puts it there, else found by its own lookup beside the page.
//
// With a term the list is in "match" order by default (match-sort-sql.ts):
// named orders, then numbers in key order, read straight off btree indexes so
// that a page never sorts the matches. Chosen column sorts walk their own
// index (column-sort-sql.ts). Either way a page is read in up to three tries
// (order-list-sql.ts, PageStatements) so that no filter makes PostgreSQL read
// the whole table.
//
// Indexes (prisma/schema.prisma, model Order) for the term:
// - points_uuid UNIQUE: exact uuid lookups.
// - btree (order_number_key, id) and (reference_key, id) on the numbers as
//   search-keys.ts spells them, in the "C" collation: `=` for the exact
//   lookup, `^@` as a range scan in key order for prefixes.
// - GIN on phones: `phones @> ARRAY[…]` for a phone number.
import { keysetPage, type KeysetPage } from "@/lib/db/keyset-page";
import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { columnSortStatements } from "./column-sort-sql";
import { matchSortStatements } from "./match-sort-sql";
import type { OrderSearch } from "./order-search-params";
import {
  and,
  COLUMNS,
  filterConditions,
  furtherWalkLimit,
  PAGE_SIZE,
  termCondition,
  uuidCondition,
  WALK_LIMIT,
  type DbRow,
  type PageOptions,
  type PageStatements,
} from "./order-list-sql";
import { maskedPhone, numberKey, phoneKey } from "./search-keys";

export { PAGE_SIZE, type PageOptions };

/** JSON-safe, so it can go to client components as is. */
export interface OrderListRow {
  id: string;
  pointsUuid: string;
  orderNumber: string;
  referenceNumber: string | null;
  type: "earning" | "replacing";
  orderStatus: string;
  shippingStatus: string | null;
  shippingLabelAr: string | null;
  shippingLabelEn: string | null;
  /** SAR, as stored (numeric(12,2)), so no float rounding on the way. */
  totalPrice: string;
  totalPoints: number;
  pointsUpdatedAt: string;
}

/** `prevCursor` ("← Previous") and `nextCursor` ("Next →") as on every keyset-paged list. */
export interface OrderSearchPage extends KeysetPage<OrderListRow> {
  /** The one order the search term names exactly (uuid, order number or reference), whatever the filters. */
  exactMatch: OrderListRow | null;
  /** The search term read as a phone number, masked (05•••••678); null when it is not one. */
  phone: string | null;
}

/** The statements that read a page of `search` (the benchmark and the plan test read them too). */
export function pageStatements(search: OrderSearch, options: PageOptions = {}): PageStatements {
  if (search.sort !== "match") return columnSortStatements(search, search.sort, options);
  // Without a term there is nothing to match: newest first.
  return search.q
    ? matchSortStatements({ ...search, q: search.q }, options)
    : columnSortStatements(search, "updated_desc", options);
}

/** Orders whose uuid, order number or reference number is exactly the term; two at most, enough to tell "one" from "several". */
export function exactStatement(term: string): Prisma.Sql {
  const key = numberKey(term);
  const byUuid = uuidCondition(term);
  return Prisma.sql`SELECT ${COLUMNS} FROM orders
    WHERE order_number_key = ${key} OR reference_key = ${key}${byUuid ? Prisma.sql` OR ${byUuid}` : Prisma.empty} LIMIT 2`;
}

export async function searchOrders(db: Db, search: OrderSearch, options: PageOptions = {}): Promise<OrderSearchPage> {
  const statements = pageStatements(search, options);
  let read: DbRow[] = [];
  const page = keysetPage({
    prev: search.before ?? null,
    next: search.after ?? null,
    pageSize: options.pageSize ?? PAGE_SIZE,
    // The statements take the position and direction from `search` (see pageStatements).
    read: async () => (read = (await readPage(db, statements, options)).rows),
    cursorOf: statements.cursorOf,
  });
  const { q } = search;
  // Exact identifiers: from the page's first rows when it holds them all (match order), else their own lookup
  // beside the page.
  const lookup = () => db.$queryRaw<DbRow[]>(exactStatement(q!));
  const { exactAmong } = statements;
  const exact: Promise<DbRow[]> = !q
    ? Promise.resolve([])
    : exactAmong
      ? page.then(() => exactAmong(read) ?? lookup())
      : lookup();
  const [shown, named] = await Promise.all([page, exact]);
  const phone = q ? phoneKey(q) : null;
  return {
    ...shown,
    rows: shown.rows.map(toRow),
    exactMatch: named.length === 1 ? toRow(named[0]!) : null,
    phone: phone ? maskedPhone(phone) : null,
  };
}

/** How many orders match the search (an export's progress); the page position is ignored. */
export async function countOrders(db: Db, search: OrderSearch): Promise<number> {
  const { other } = filterConditions(search, null);
  if (search.q) other.unshift(termCondition(search.q));
  const [row] = await db.$queryRaw<[{ n: number }]>(
    Prisma.sql`SELECT count(*)::int AS n FROM orders WHERE ${and(other)}`,
  );
  return row.n;
}

/** A page's rows, which try read them (PageStatements), and what decided it. */
export interface PageRead {
  rows: DbRow[];
  read: "walk" | "further walk" | "match first";
  /** The matches the first walk found. */
  found: number;
  /** The rows a further walk was allowed to read, when one was tried. */
  furtherLimit: number | null;
}

export async function readPage(
  db: Db,
  { walk, walkFurther, matchFirst }: PageStatements,
  { pageSize = PAGE_SIZE, walkLimit = WALK_LIMIT }: PageOptions = {},
): Promise<PageRead> {
  const walked = await db.$queryRaw<DbRow[]>(walk);
  const found = walked.length;
  if (found > pageSize || !matchFirst) return { rows: walked, read: "walk", found, furtherLimit: null };
  const furtherLimit = furtherWalkLimit(found, pageSize, walkLimit);
  if (furtherLimit !== null) {
    const rows = await db.$queryRaw<DbRow[]>(walkFurther(furtherLimit));
    if (rows.length > pageSize) return { rows, read: "further walk", found, furtherLimit };
  }
  return { rows: await db.$queryRaw<DbRow[]>(matchFirst), read: "match first", found, furtherLimit };
}

function toRow(r: DbRow): OrderListRow {
  return {
    id: r.id,
    pointsUuid: r.points_uuid,
    orderNumber: r.order_number,
    referenceNumber: r.reference_number,
    type: r.type,
    orderStatus: r.order_status,
    shippingStatus: r.shipping_status,
    shippingLabelAr: r.shipping_label_ar,
    shippingLabelEn: r.shipping_label_en,
    totalPrice: r.total_price,
    totalPoints: r.total_points,
    pointsUpdatedAt: r.points_updated_at.toISOString(),
  };
}
