// Keyset pagination for every list (no OFFSET, so page 10,000 costs what page
// 1 does): the newest-first logs and the order list in each of its sorts. A
// page continues from a position, the sort value and id of a row, towards the
// list's end ("next") or its start ("prev"). The caller reads rows beyond the
// position in one direction; this decides the direction, flips pages read
// backwards and makes the cursors.
export interface KeysetPage<Row> {
  rows: Row[];
  /** Position for the previous page ("← Newer" on a newest-first list); null on the first page. */
  prevCursor: string | null;
  /** Position for the next page ("Older →" on a newest-first list); null on the last page. */
  nextCursor: string | null;
}

export interface KeysetRead<Pos> {
  /** "prev": rows before `position`, read backwards (nearest first); "next": rows after it; null: the first page. */
  towards: "prev" | "next" | null;
  position: Pos | null;
  take: number;
}

export async function keysetPage<Row, Pos>(opts: {
  prev: Pos | null;
  next: Pos | null;
  pageSize: number;
  read: (q: KeysetRead<Pos>) => Promise<Row[]>;
  cursorOf: (row: Row) => string;
}): Promise<KeysetPage<Row>> {
  const { prev, pageSize } = opts;
  const next = prev ? null : opts.next;
  const towards = prev ? "prev" : next ? "next" : null;
  const found = await opts.read({ towards, position: prev ?? next, take: pageSize + 1 });
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  // Going back towards the first page reads backwards from the cursor, then flips.
  if (prev) rows.reverse();
  const hasPrev = prev ? more : next !== null;
  const hasNext = prev ? true : more;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    prevCursor: hasPrev && first ? opts.cursorOf(first) : null,
    nextCursor: hasNext && last ? opts.cursorOf(last) : null,
  };
}

/**
 * A keyset position as text, `<value>_<id>`: the row's sort value (a time as
 * epoch milliseconds, the precision times are stored with) and its id, which
 * breaks ties. Ids (numbers, uuids) hold no `_`, so the last one splits them;
 * the value may be any text. The list checks both parts against its columns.
 */
export function encodeCursor(value: Date | string, id: bigint | string): string {
  return `${value instanceof Date ? value.getTime() : value}_${id}`;
}

export function decodeCursor(raw: string): { value: string; id: string } | null {
  const cut = raw.lastIndexOf("_");
  return cut < 0 ? null : { value: raw.slice(0, cut), id: raw.slice(cut + 1) };
}

/** A cursor's time value: epoch milliseconds. */
export const CURSOR_TIME = /^\d{1,15}$/;
export const cursorTime = (value: string) => new Date(Number(value));

/** A (timestamp, bigint id) keyset position, as the newest-first logs use. */
export const TIME_ID_CURSOR = /^(\d{1,15})_(\d{1,19})$/;

export function encodeTimeIdCursor(at: Date | string, id: bigint | string): string {
  return encodeCursor(new Date(at), id);
}

export function decodeTimeIdCursor(value: string): { at: Date; id: bigint } {
  if (!TIME_ID_CURSOR.test(value)) throw new Error(`not a cursor: ${value}`);
  const { value: at, id } = decodeCursor(value)!;
  return { at: cursorTime(at), id: BigInt(id) };
}

/**
 * Rows strictly beyond a (time, id) position on a newest-first list ("next":
 * older, "prev": newer), as a Prisma where: `time <= t` is the part an index
 * can seek to; the OR sorts out ties.
 */
export function beyondTimeId<F extends string>(field: F, position: { at: Date; id: bigint }, towards: "prev" | "next") {
  const [edge, strict] = towards === "next" ? (["lte", "lt"] as const) : (["gte", "gt"] as const);
  return {
    [field]: { [edge]: position.at },
    OR: [{ [field]: { [strict]: position.at } }, { id: { [strict]: position.id } }],
  } as Record<F, { lte?: Date; gte?: Date }> & {
    OR: Array<Record<F, { lt?: Date; gt?: Date }> | { id: { lt?: bigint; gt?: bigint } }>;
  };
}

type Direction = "asc" | "desc";

/**
 * A newest-first list on (`field`, id), as Prisma reads it: its order, its
 * cursors and the page read from `?newer=` / `?older=`. `find` gets the rows'
 * where beyond the position, the order to read in and how many to take.
 */
export function newestFirstKeyset<F extends string>(field: F) {
  const order = (dir: Direction) => [{ [field]: dir } as Record<F, Direction>, { id: dir }];
  const cursorOf = (row: Record<F, Date | string> & { id: bigint | string }) => encodeTimeIdCursor(row[field], row.id);
  return {
    newestFirst: order("desc"),
    cursorOf,
    /** Rows past a cursor, further down the list (bulk actions walk this way). */
    olderThan: (cursor: string) => beyondTimeId(field, decodeTimeIdCursor(cursor), "next"),
    page: <Row extends Record<F, Date> & { id: bigint }>(
      query: { newer?: string; older?: string },
      pageSize: number,
      find: (q: {
        beyond: ReturnType<typeof beyondTimeId<F>> | object;
        orderBy: ReturnType<typeof order>;
        take: number;
      }) => Promise<Row[]>,
    ) =>
      keysetPage({
        prev: query.newer ? decodeTimeIdCursor(query.newer) : null,
        next: query.older ? decodeTimeIdCursor(query.older) : null,
        pageSize,
        read: ({ towards, position, take }) =>
          find({
            beyond: towards ? beyondTimeId(field, position!, towards) : {},
            orderBy: order(towards === "prev" ? "asc" : "desc"),
            take,
          }),
        cursorOf,
      }),
  };
}
