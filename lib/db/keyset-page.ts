// Keyset pagination over a newest-first list (no OFFSET, so page 10,000 costs
// what page 1 does). The caller reads rows after a position in one direction;
// this decides the direction, flips pages read upwards and makes the cursors.
export interface KeysetPage<Row> {
  rows: Row[];
  /** Position for "← Newer"; null on the newest page. */
  newerCursor: string | null;
  /** Position for "Older →"; null on the oldest page. */
  olderCursor: string | null;
}

export interface KeysetRead<Pos> {
  /** "newer": rows newer than `position`, oldest first; "older": older than it, newest first; null: the newest page. */
  towards: "newer" | "older" | null;
  position: Pos | null;
  take: number;
}

export async function keysetPage<Row, Pos>(opts: {
  newer: Pos | null;
  older: Pos | null;
  pageSize: number;
  read: (q: KeysetRead<Pos>) => Promise<Row[]>;
  cursorOf: (row: Row) => string;
}): Promise<KeysetPage<Row>> {
  const { newer, pageSize } = opts;
  const older = newer ? null : opts.older;
  const towards = newer ? "newer" : older ? "older" : null;
  const found = await opts.read({ towards, position: newer ?? older, take: pageSize + 1 });
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  // Going back towards the newest page reads upwards from the cursor, then flips.
  if (newer) rows.reverse();
  const hasNewer = newer ? more : older !== null;
  const hasOlder = newer ? true : more;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    newerCursor: hasNewer && first ? opts.cursorOf(first) : null,
    olderCursor: hasOlder && last ? opts.cursorOf(last) : null,
  };
}

/** A (timestamp, id) keyset position, written `<epoch ms>_<id>`; timestamps are stored to the millisecond. */
export const TIME_ID_CURSOR = /^(\d{1,15})_(\d{1,19})$/;

export function encodeTimeIdCursor(at: Date | string, id: bigint | string): string {
  return `${new Date(at).getTime()}_${id}`;
}

export function decodeTimeIdCursor(value: string): { at: Date; id: bigint } {
  const match = TIME_ID_CURSOR.exec(value);
  if (!match) throw new Error(`not a cursor: ${value}`);
  return { at: new Date(Number(match[1])), id: BigInt(match[2]!) };
}

/**
 * Rows strictly beyond a (time, id) position in one direction, as a Prisma
 * where: `time <= t` is the part an index can seek to; the OR sorts out ties.
 */
export function beyondTimeId<F extends string>(
  field: F,
  position: { at: Date; id: bigint },
  towards: "older" | "newer",
) {
  const [edge, strict] = towards === "older" ? (["lte", "lt"] as const) : (["gte", "gt"] as const);
  return {
    [field]: { [edge]: position.at },
    OR: [{ [field]: { [strict]: position.at } }, { id: { [strict]: position.id } }],
  } as Record<F, { lte?: Date; gte?: Date }> & {
    OR: Array<Record<F, { lt?: Date; gt?: Date }> | { id: { lt?: bigint; gt?: bigint } }>;
  };
}
