// The list sorted by a column (updated, amount, order number): each sort walks
// its own index and stops after a page. The page position is an index
// condition (row comparison on (column, id)), never an OFFSET, so a deep page
// costs what the first one does. A search term is then a condition checked on
// each row (the btree indexes of the keys find its matches when they are rare).
//
// Indexes (prisma/schema.prisma, model Order): points_updated_at,
// order_number and (total_price, id); amounts tie often (100.00), hence id in
// that index; updated_at and order numbers rarely tie. For the second try,
// (order_status, shipping_status, type) finds rare combinations (authorized
// earning orders, say, of which there are none) in a 7 MB index rather than
// in the table; amount and date ranges use their sort indexes for the same.
import { cursorTime, encodeCursor } from "@/lib/db/keyset-page";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cursor, OrderSearch, OrderSort } from "./order-search-params";
import {
  and,
  COLUMNS,
  filterConditions,
  PAGE_SIZE,
  STORED,
  termCondition,
  WALK_LIMIT,
  type DbRow,
  type PageOptions,
  type PageStatements,
  type SortColumn,
  walkMayMiss,
} from "./order-list-sql";

// Cursor values travel as text (a time as epoch ms); the cast gives them the column's type so the comparison
// stays an index condition.
const sortColumn = <N extends SortColumn>(
  name: N,
  cast: string,
  value: (r: DbRow) => Date | string,
  fromCursor: (value: string) => Date | string = (v) => v,
) => ({ name, cast: Prisma.raw(cast), value, fromCursor });
const updated = sortColumn("points_updated_at", "timestamptz", (r) => r.points_updated_at, cursorTime);
const amount = sortColumn("total_price", "numeric", (r) => r.total_price);
const number = sortColumn("order_number", "text", (r) => r.order_number);

export type ColumnSort = Exclude<OrderSort, "match">;
const SORT_COLUMN: Record<ColumnSort, (typeof updated | typeof amount | typeof number) & { desc: boolean }> = {
  updated_desc: { ...updated, desc: true },
  updated_asc: { ...updated, desc: false },
  amount_desc: { ...amount, desc: true },
  amount_asc: { ...amount, desc: false },
  number_asc: { ...number, desc: false },
  number_desc: { ...number, desc: true },
};

export function columnSortStatements(
  search: OrderSearch,
  sortName: ColumnSort,
  { pageSize = PAGE_SIZE, walkLimit = WALK_LIMIT }: PageOptions = {},
): PageStatements {
  const sort = SORT_COLUMN[sortName];
  // Going back to the previous page reads away from the cursor in reverse, then flips.
  const desc = sort.desc !== (search.before !== undefined);
  const { onSort, other } = filterConditions(search, sort.name);
  if (search.q) other.unshift(termCondition(search.q));
  const position: Cursor | undefined = search.after ?? search.before;
  if (position) {
    const op = Prisma.raw(desc ? "<" : ">");
    onSort.push(
      Prisma.sql`(${Prisma.raw(sort.name)}, id) ${op} (${sort.fromCursor(position.value)}::${sort.cast}, ${position.id}::uuid)`,
    );
  }
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const orderBy = Prisma.sql`ORDER BY orders.${Prisma.raw(sort.name)} ${dir}, orders.id ${dir}`;
  const walkUpTo = (limit: number) => Prisma.sql`SELECT ${COLUMNS} FROM (
        SELECT ${STORED} FROM orders WHERE ${and(onSort)} ${orderBy} LIMIT ${limit}
      ) AS orders WHERE ${and(other)} ${orderBy} LIMIT ${pageSize + 1}`;
  return {
    walk: walkUpTo(walkLimit),
    walkFurther: walkUpTo,
    // OFFSET 0 keeps the planner from turning this back into the walk (it plans the inner query for full
    // retrieval) without materializing the matches as a CTE would.
    matchFirst: walkMayMiss(other, pageSize, walkLimit)
      ? Prisma.sql`SELECT ${COLUMNS} FROM (
            SELECT ${STORED} FROM orders WHERE ${and([...onSort, ...other])} OFFSET 0
          ) AS orders ${orderBy} LIMIT ${pageSize + 1}`
      : null,
    cursorOf: (r) => encodeCursor(sort.value(r), r.id),
    exactAmong: null,
  };
}
