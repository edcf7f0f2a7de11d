// The order list: one search box, filters, three sorts, keyset pagination.
//
// The search term matches an order when it equals its Points uuid, or is a
// prefix of its order_number or reference_number (an exact match is a prefix
// too) whatever the case, spaces or leading `#`, or is a Saudi mobile number
// the order's data carries (any of the forms §1.5 accepts); a separate exact
// lookup finds the one order a pasted identifier names.
//
// A page is read in two tries (walkStatement, then matchFirstStatement) so
// that no combination of filters makes PostgreSQL read the whole table.
//
// Indexes (prisma/schema.prisma, model Order) and why:
// - points_uuid UNIQUE: exact uuid lookups.
// - SP-GiST on order_number_key and on reference_key (the numbers as
//   search-keys.ts spells them): answer both `=` and the prefix operator `^@`
//   whatever the database collation. A btree would need text_pattern_ops (or
//   the "C" collation) for prefixes, and Prisma cannot keep a btree operator
//   class, nor an expression index, without drift; hence stored keys.
// - GIN on phones: `phones @> ARRAY[…]` for a phone number.
// - points_updated_at, order_number (both there before) and (total_price, id):
//   each sort walks its own index and stops after a page. The page position
//   is an index condition (row comparison on (column, id)), never an OFFSET,
//   so a deep page costs what the first one does. Amounts tie often (100.00),
//   hence id in that index; updated_at and order numbers rarely tie.
// - (order_status, shipping_status, type): when the walk finds too few
//   matches, the second try finds rare combinations (authorized earning
//   orders, say, of which there are none) in this 7 MB index rather than in
//   the table. Amount and date ranges use their sort indexes for the same.
import { cursorTime, encodeCursor, keysetPage, type KeysetPage } from "@/lib/db/keyset-page";
import type { Db } from "@/lib/db/prisma";
import { riyadhDayEnd, riyadhDayStart } from "@/lib/time/riyadh";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid, type Cursor, type OrderSearch, type OrderSort } from "./order-search-params";
import { maskedPhone, numberKey, phoneKey } from "./search-keys";

export const PAGE_SIZE = 50;
// How far a page walks its sort's index before it looks the matches up instead (see walkStatement).
const WALK_LIMIT = 5_000;

export interface PageOptions {
  pageSize?: number;
  walkLimit?: number;
}

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

// The search keys too, since the walk checks the other conditions on its rows.
const STORED = Prisma.raw(`id, points_uuid, order_number, reference_number, type, order_status, shipping_status,
  shipping_label_ar, shipping_label_en, total_price, total_points, points_updated_at, order_number_key, reference_key,
  phones`);
// Some columns are cast to text under their own name, so ORDER BY names the table's columns explicitly.
const COLUMNS = Prisma.sql`id::text, points_uuid::text, order_number, reference_number, type::text AS type, order_status,
  shipping_status, shipping_label_ar, shipping_label_en, total_price::text AS total_price, total_points, points_updated_at`;

type Column = "points_updated_at" | "total_price" | "order_number";

// Cursor values travel as text (a time as epoch ms); the cast gives them the column's type so the comparison
// stays an index condition.
const sortColumn = <N extends Column>(
  name: N,
  cast: string,
  value: (r: DbRow) => Date | string,
  fromCursor: (value: string) => Date | string = (v) => v,
) => ({ name, cast: Prisma.raw(cast), value, fromCursor });
const updated = sortColumn("points_updated_at", "timestamptz", (r) => r.points_updated_at, cursorTime);
const amount = sortColumn("total_price", "numeric", (r) => r.total_price);
const number = sortColumn("order_number", "text", (r) => r.order_number);
const SORT_COLUMN: Record<OrderSort, (typeof updated | typeof amount | typeof number) & { desc: boolean }> = {
  updated_desc: { ...updated, desc: true },
  updated_asc: { ...updated, desc: false },
  amount_desc: { ...amount, desc: true },
  amount_asc: { ...amount, desc: false },
  number_asc: { ...number, desc: false },
  number_desc: { ...number, desc: true },
};

// Conditions on the sort column go inside the walk, as index conditions that
// move its start and end; the others are checked on each row it reads.
function conditions(search: OrderSearch, sortColumn: Column): { onSort: Prisma.Sql[]; other: Prisma.Sql[] } {
  const onSort: Prisma.Sql[] = [];
  const other: Prisma.Sql[] = [];
  const add = (column: Column | null, condition: Prisma.Sql) =>
    (column === sortColumn ? onSort : other).push(condition);
  if (search.q) {
    // `^@` (starts with) rather than LIKE: no wildcards to escape, and SP-GiST answers it.
    const key = numberKey(search.q);
    const phone = phoneKey(search.q);
    const byPhone = phone ? Prisma.sql` OR phones @> ARRAY[${phone}]::text[]` : Prisma.empty;
    add(null, Prisma.sql`(order_number_key ^@ ${key} OR reference_key ^@ ${key}${byUuid(search.q)}${byPhone})`);
  }
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

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.raw("TRUE"));

function plan(search: OrderSearch) {
  const sort = SORT_COLUMN[search.sort];
  // Going back to the previous page reads away from the cursor in reverse, then flips.
  const desc = sort.desc !== (search.before !== undefined);
  const { onSort, other } = conditions(search, sort.name);
  const position: Cursor | undefined = search.after ?? search.before;
  if (position) {
    const op = Prisma.raw(desc ? "<" : ">");
    onSort.push(
      Prisma.sql`(${Prisma.raw(sort.name)}, id) ${op} (${sort.fromCursor(position.value)}::${sort.cast}, ${position.id}::uuid)`,
    );
  }
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const orderBy = Prisma.sql`ORDER BY orders.${Prisma.raw(sort.name)} ${dir}, orders.id ${dir}`;
  return { onSort, other, orderBy };
}

/**
 * First try: walk the sort's index from the page position, reading at most
 * WALK_LIMIT rows, and keep those that match. Planned alone, PostgreSQL takes
 * this path whenever it expects matches to be common, and when they are not
 * (correlated filters: earning orders that have a shipping status, say) it
 * ends up reading the whole table; the bound caps that.
 */
export function walkStatement(
  search: OrderSearch,
  { pageSize = PAGE_SIZE, walkLimit = WALK_LIMIT }: PageOptions = {},
): Prisma.Sql {
  const { onSort, other, orderBy } = plan(search);
  return Prisma.sql`SELECT ${COLUMNS} FROM (
      SELECT ${STORED} FROM orders WHERE ${and(onSort)} ${orderBy} LIMIT ${walkLimit}
    ) AS orders WHERE ${and(other)} ${orderBy} LIMIT ${pageSize + 1}`;
}

/**
 * Second try, when the walk found less than a page: matches are rare, so find
 * them all through the filters' own indexes, then sort. OFFSET 0 keeps the
 * planner from turning this back into the walk (it plans the inner query for
 * full retrieval) without materializing the matches as a CTE would.
 */
export function matchFirstStatement(search: OrderSearch, { pageSize = PAGE_SIZE }: PageOptions = {}): Prisma.Sql {
  const { onSort, other, orderBy } = plan(search);
  return Prisma.sql`SELECT ${COLUMNS} FROM (
      SELECT ${STORED} FROM orders WHERE ${and([...onSort, ...other])} OFFSET 0
    ) AS orders ${orderBy} LIMIT ${pageSize + 1}`;
}

function byUuid(term: string): Prisma.Sql {
  return isUuid(term) ? Prisma.sql` OR points_uuid = ${term.toLowerCase()}::uuid` : Prisma.empty;
}

/** Orders whose uuid, order number or reference number is exactly the term; two at most, enough to tell "one" from "several". */
export function exactStatement(term: string): Prisma.Sql {
  const key = numberKey(term);
  return Prisma.sql`SELECT ${COLUMNS} FROM orders
    WHERE order_number_key = ${key} OR reference_key = ${key}${byUuid(term)} LIMIT 2`;
}

export async function searchOrders(db: Db, search: OrderSearch, options: PageOptions = {}): Promise<OrderSearchPage> {
  const sort = SORT_COLUMN[search.sort];
  const [page, exact] = await Promise.all([
    keysetPage({
      prev: search.before ?? null,
      next: search.after ?? null,
      pageSize: options.pageSize ?? PAGE_SIZE,
      // The statements take the position and direction from `search` (see plan).
      read: () => findPage(db, search, options),
      cursorOf: (r: DbRow) => encodeCursor(sort.value(r), r.id),
    }),
    search.q ? db.$queryRaw<DbRow[]>(exactStatement(search.q)) : Promise.resolve([]),
  ]);
  const phone = search.q ? phoneKey(search.q) : null;
  return {
    ...page,
    rows: page.rows.map(toRow),
    exactMatch: exact.length === 1 ? toRow(exact[0]!) : null,
    phone: phone ? maskedPhone(phone) : null,
  };
}

/** How many orders match the search (an export's progress); the page position is ignored. */
export async function countOrders(db: Db, search: OrderSearch): Promise<number> {
  const { onSort, other } = conditions(search, SORT_COLUMN[search.sort].name);
  const [row] = await db.$queryRaw<[{ n: number }]>(
    Prisma.sql`SELECT count(*)::int AS n FROM orders WHERE ${and([...onSort, ...other])}`,
  );
  return row.n;
}

async function findPage(db: Db, search: OrderSearch, options: PageOptions): Promise<DbRow[]> {
  const walked = await db.$queryRaw<DbRow[]>(walkStatement(search, options));
  return walked.length > (options.pageSize ?? PAGE_SIZE)
    ? walked
    : db.$queryRaw<DbRow[]>(matchFirstStatement(search, options));
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
