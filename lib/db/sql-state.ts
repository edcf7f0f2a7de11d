// Tells a database error that is the data's fault from one that is the
// database's: a value PostgreSQL cannot hold (SQLSTATE class 22, data
// exception: out of range, bad encoding, invalid text representation), a
// broken constraint (class 23) or a program limit (class 54: an index row too
// large, a nesting too deep) fails the same way however often it is retried.
// Anything else — no connection, too many connections, a timeout, a deadlock,
// a unique violation between two racing writers — may pass on a retry.

const DATA_CLASSES = new Set(["22", "23", "54"]);
const RACES = new Set(["23505"]);

/** The SQLSTATE of a node-postgres error or of a Prisma error raised through the pg driver adapter. */
export function sqlState(error: unknown): string | undefined {
  const e = error as {
    code?: unknown;
    clientVersion?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  } | null;
  // A Prisma error's own `code` is Prisma's (P2010), not PostgreSQL's.
  const prisma = e?.clientVersion !== undefined;
  const candidates = [e?.meta?.driverAdapterError?.cause?.originalCode, prisma ? undefined : e?.code];
  return candidates.find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c));
}

export function isDataError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && DATA_CLASSES.has(state.slice(0, 2)) && !RACES.has(state);
}
