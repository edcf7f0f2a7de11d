// The list in "match" order, for a search term: first the orders the term
// names by uuid or customer phone, then those whose order number starts with
// it, then those whose reference number does, merged in the order of the key
// each was found by. An exact number comes first on its own: the key equal to
// the term sorts before every longer key that starts with it.
//
// Each part is a branch of a UNION ALL that reads its own index in list order:
// (order_number_key, id) and (reference_key, id) btrees, whose "C" collation
// turns `^@` into a range scan (`>= 'p' AND < 'q'`), and for the named orders
// the points_uuid and GIN phones indexes (a handful of rows, sorted). A Merge
// Append joins the branches and LIMIT stops it after a page, so a prefix that
// 100,000 orders share costs what an exact number does: no sort of the
// matches. The page position (key, id) is an index condition of each branch.
// An order the term names is listed once, among the named ones; one whose
// number and reference both start with the term once, by the smaller key.
import { encodeCursor } from "@/lib/db/keyset-page";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid, type OrderSearch } from "./order-search-params";
import {
  and,
  COLUMNS,
  filterConditions,
  namedConditions,
  PAGE_SIZE,
  STORED,
  WALK_LIMIT,
  type PageOptions,
  type PageStatements,
  walkMayMiss,
} from "./order-list-sql";
import { numberKey } from "./search-keys";

interface Branch {
  /** The row's place in the list: the key it was found by ('' for a named order: they come first). */
  key: Prisma.Sql;
  /** What the branch's index reads in list order (the key column, then id). */
  order: Prisma.Sql[];
  where: Prisma.Sql;
}

function branches(term: string): Branch[] {
  const key = numberKey(term);
  const named = namedConditions(term);
  const isNamed = named.length ? Prisma.sql`(${Prisma.join(named, " OR ")})` : null;
  const notNamed = isNamed ? Prisma.sql` AND NOT ${isNamed}` : Prisma.empty;
  const id = Prisma.raw("id");
  // The smaller key (the number on a tie), so an order whose reference is the term comes first even when its
  // longer number also starts with it.
  return [
    ...(isNamed ? [{ key: Prisma.raw(`''::text COLLATE "C"`), order: [id], where: isNamed }] : []),
    {
      key: Prisma.raw("order_number_key"),
      order: [Prisma.raw("order_number_key"), id],
      where: Prisma.sql`order_number_key ^@ ${key}
        AND NOT COALESCE(reference_key ^@ ${key} AND reference_key < order_number_key, FALSE)${notNamed}`,
    },
    {
      key: Prisma.raw("reference_key"),
      order: [Prisma.raw("reference_key"), id],
      where: Prisma.sql`reference_key ^@ ${key}
        AND NOT (order_number_key ^@ ${key} AND order_number_key <= reference_key)${notNamed}`,
    },
  ];
}

export function matchSortStatements(
  search: OrderSearch & { q: string },
  { pageSize = PAGE_SIZE, walkLimit = WALK_LIMIT }: PageOptions = {},
): PageStatements {
  // Going back to the previous page reads away from the cursor in reverse, then flips.
  const desc = search.before !== undefined;
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const position = search.after ?? search.before;
  const { other } = filterConditions(search, null);
  const parts = branches(search.q).map((b) => ({
    ...b,
    where: position
      ? Prisma.sql`${b.where} AND (${b.key}, id) ${Prisma.raw(desc ? "<" : ">")} (${position.value}, ${position.id}::uuid)`
      : b.where,
    orderBy: Prisma.sql`ORDER BY ${Prisma.join(
      b.order.map((column) => Prisma.sql`${column} ${dir}`),
      ", ",
    )}`,
  }));
  const union = (branch: (b: (typeof parts)[number]) => Prisma.Sql) =>
    Prisma.join(
      parts.map((b) => Prisma.sql`(SELECT ${STORED}, ${b.key} AS match_key FROM orders WHERE ${branch(b)})`),
      " UNION ALL ",
    );
  const orderBy = Prisma.sql`ORDER BY orders.match_key ${dir}, orders.id ${dir}`;
  const walkUpTo = (limit: number) => Prisma.sql`SELECT ${COLUMNS}, match_key FROM (
        ${union((b) => Prisma.sql`${b.where} ${b.orderBy} LIMIT ${limit}`)}
      ) AS orders WHERE ${and(other)} ${orderBy} LIMIT ${pageSize + 1}`;
  return {
    walk: walkUpTo(walkLimit),
    walkFurther: walkUpTo,
    // OFFSET 0: each branch planned for all its matches (through the filters' indexes), as in column-sort-sql.ts.
    matchFirst: walkMayMiss(other, pageSize, walkLimit)
      ? Prisma.sql`SELECT ${COLUMNS}, match_key FROM (
            ${union((b) => Prisma.sql`${b.where} AND ${and(other)} OFFSET 0`)}
          ) AS orders ${orderBy} LIMIT ${pageSize + 1}`
      : null,
    cursorOf: (r) => encodeCursor(r.match_key!, r.id),
    // Exact matches sort first (by uuid among the named orders; by number, since the key equal to the term
    // precedes longer ones), so a first page that no filter thins holds them all once it reads past them.
    exactAmong:
      position || other.length
        ? null
        : (rows) => {
            const key = numberKey(search.q);
            const last = rows.at(-1)?.match_key;
            if (rows.length > pageSize && (last === "" || last === key)) return null;
            const uuid = isUuid(search.q) ? search.q.toLowerCase() : null;
            return rows.filter(
              (r) =>
                r.points_uuid === uuid ||
                numberKey(r.order_number) === key ||
                (r.reference_number !== null && numberKey(r.reference_number) === key),
            );
          },
  };
}
