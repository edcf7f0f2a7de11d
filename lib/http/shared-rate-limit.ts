// A fixed-window counter per key, kept in the database so that every instance
// (several Vercel functions, a restarted server) counts against the same limit.
import type { Db } from "@/lib/db/prisma";

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Counts this request and answers whether it is within the limit. */
export async function allowRequest(db: Db, key: string, { limit, windowMs }: RateLimit, now = new Date()) {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit_windows (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count`;
  // The first request of a window clears windows that ended, so the table stays small.
  if (row!.count === 1)
    await db.$executeRaw`DELETE FROM rate_limit_windows WHERE window_start < ${new Date(windowStart.getTime() - windowMs)}`;
  return row!.count <= limit;
}
