// The order list: one search box, filters, three sorts, keyset pagination.
//
// The search term matches an order when it equals its Points uuid, or is a
// prefix of its order_number or reference_number (an exact match is a prefix
// too); a separate exact lookup finds the one order a pasted identifier names.
//
// Indexes (prisma/schema.prisma, model Order) and why:
// - points_uuid UNIQUE: exact uuid lookups.
// - order_number and reference_number with text_pattern_ops: under a non-C
//   database collation a default btree cannot answer `LIKE 'ORD-12%'`; the
//   pattern_ops one turns the prefix into a range scan and answers `=` too.
//   The default-collation index on order_number stays for sorting by number
//   (pattern_ops order is bytewise, which ORDER BY cannot use).
// - (points_updated_at, id) and (total_price, id): each sort walks its index
//   in order and stops after one page; the position is an index condition
//   (row comparison on (column, id)), never an OFFSET, so a deep page costs
//   what the first one does.
// - (order_status, points_updated_at, id): the status filter is the one
//   support uses most, and rare statuses would otherwise mean walking most of
//   the updated_at index to fill a page.
// Other filters (shipping, type, amount, dates) are checked while walking the
// sort's index: each keeps a large share of rows, so a page fills quickly.
import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor, isUuid, riyadhDayEnd, riyadhDayStart, type Cursor, type OrderSearch, type OrderSort } from "./order-search-params";

export const PAGE_SIZE = 50;

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

export interface OrderSearchPage {
  rows: OrderListRow[];
  /** The one order the search term names exactly (uuid, order number or reference), whatever the filters. */
  exactMatch: OrderListRow | null;
  /** Position for "← Previous"; null on the first page. */
  prevCursor: string | null;
  /** Position for "Next →"; null on the last page. */
  nextCursor: string | null;
}

interface DbRow {
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
}

// Some columns are cast to text under their own name, so ORDER BY names the table's columns explicitly.
const COLUMNS = Prisma.sql`id::text, points_uuid::text, order_number, reference_number, type::text AS type, order_status,
  shipping_status, shipping_label_ar, shipping_label_en, total_price::text AS total_price, total_points, points_updated_at`;

// Cursor values travel as text; the cast gives them the column's type so the comparison stays an index condition.
const SORT_COLUMN: Record<OrderSort, { column: Prisma.Sql; cast: Prisma.Sql; desc: boolean; value: (r: DbRow) => string }> = {
  updated_desc: { column: Prisma.raw("points_updated_at"), cast: Prisma.raw("timestamptz"), desc: true, value: (r) => r.points_updated_at.toISOString() },
  updated_asc: { column: Prisma.raw("points_updated_at"), cast: Prisma.raw("timestamptz"), desc: false, value: (r) => r.points_updated_at.toISOString() },
  amount_desc: { column: Prisma.raw("total_price"), cast: Prisma.raw("numeric"), desc: true, value: (r) => r.total_price },
  amount_asc: { column: Prisma.raw("total_price"), cast: Prisma.raw("numeric"), desc: false, value: (r) => r.total_price },
  number_asc: { column: Prisma.raw("order_number"), cast: Prisma.raw("text"), desc: false, value: (r) => r.order_number },
  number_desc: { column: Prisma.raw("order_number"), cast: Prisma.raw("text"), desc: true, value: (r) => r.order_number },
};

/** `%`, `_` and `\` are LIKE wildcards; order numbers often contain `_`. */
const likePrefix = (term: string) => `${term.replace(/[\\%_]/g, "\\$&")}%`;

function filterConditions(search: OrderSearch): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (search.q) {
    const prefix = likePrefix(search.q);
    const byUuid = isUuid(search.q) ? Prisma.sql` OR points_uuid = ${search.q.toLowerCase()}::uuid` : Prisma.empty;
    where.push(Prisma.sql`(order_number LIKE ${prefix} OR reference_number LIKE ${prefix}${byUuid})`);
  }
  if (search.status) where.push(Prisma.sql`order_status = ${search.status}`);
  if (search.shipping === "none") where.push(Prisma.sql`shipping_status IS NULL`);
  else if (search.shipping) where.push(Prisma.sql`shipping_status = ${search.shipping}`);
  if (search.type) where.push(Prisma.sql`type = ${search.type}::"OrderType"`);
  if (search.min) where.push(Prisma.sql`total_price >= ${search.min}::numeric`);
  if (search.max) where.push(Prisma.sql`total_price <= ${search.max}::numeric`);
  if (search.from) where.push(Prisma.sql`points_updated_at >= ${riyadhDayStart(search.from)}`);
  if (search.to) where.push(Prisma.sql`points_updated_at < ${riyadhDayEnd(search.to)}`);
  return where;
}

/** The statement for one page; exported so the benchmark can EXPLAIN exactly what runs. */
export function pageStatement(search: OrderSearch, pageSize = PAGE_SIZE): Prisma.Sql {
  const sort = SORT_COLUMN[search.sort];
  // Going back to the previous page reads away from the cursor in reverse, then flips.
  const backwards = search.before !== undefined;
  const desc = sort.desc !== backwards;
  const where = filterConditions(search);
  const position: Cursor | undefined = search.after ?? search.before;
  if (position) {
    const op = Prisma.raw(desc ? "<" : ">");
    where.push(Prisma.sql`(${sort.column}, id) ${op} (${position.value}::${sort.cast}, ${position.id}::uuid)`);
  }
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  return Prisma.sql`SELECT ${COLUMNS} FROM orders
    WHERE ${where.length ? Prisma.join(where, " AND ") : Prisma.raw("TRUE")}
    ORDER BY orders.${sort.column} ${dir}, orders.id ${dir} LIMIT ${pageSize + 1}`;
}

/** Orders whose uuid, order number or reference number is exactly the term; two at most, enough to tell "one" from "several". */
export function exactStatement(term: string): Prisma.Sql {
  const byUuid = isUuid(term) ? Prisma.sql` OR points_uuid = ${term.toLowerCase()}::uuid` : Prisma.empty;
  return Prisma.sql`SELECT ${COLUMNS} FROM orders
    WHERE order_number = ${term} OR reference_number = ${term}${byUuid} LIMIT 2`;
}

export async function searchOrders(db: Db, search: OrderSearch, pageSize = PAGE_SIZE): Promise<OrderSearchPage> {
  const [found, exact] = await Promise.all([
    db.$queryRaw<DbRow[]>(pageStatement(search, pageSize)),
    search.q ? db.$queryRaw<DbRow[]>(exactStatement(search.q)) : Promise.resolve([]),
  ]);
  const backwards = search.before !== undefined;
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (backwards) page.reverse();
  const sort = SORT_COLUMN[search.sort];
  const cursorOf = (r: DbRow | undefined) => (r ? encodeCursor({ value: sort.value(r), id: r.id }) : null);
  const hasPrev = backwards ? more : search.after !== undefined;
  const hasNext = backwards ? true : more;
  return {
    rows: page.map(toRow),
    exactMatch: exact.length === 1 ? toRow(exact[0]!) : null,
    prevCursor: hasPrev ? cursorOf(page[0]) : null,
    nextCursor: hasNext ? cursorOf(page.at(-1)) : null,
  };
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
