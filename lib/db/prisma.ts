// The one Prisma client. Password hashes are omitted from every query unless a
// caller asks for them explicitly (only sign-in does).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/config/env";

export function createDb(databaseUrl: string, poolSize = 10) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5_000 }),
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createDb>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either: for a use case its caller may run inside a transaction. */
export type Client = Db | Tx;

// Survives Next's hot reloads in dev, which would otherwise open a pool per reload.
const holder = globalThis as unknown as { pointsOpsDb?: Db; pointsOpsQueueDb?: Db };

export function getDb(): Db {
  holder.pointsOpsDb ??= createDb(getConfig().databaseUrl);
  return holder.pointsOpsDb;
}

/**
 * The webhook queue's own small pool: under a burst of deliveries the
 * receiver's inserts would otherwise queue every processing transaction behind
 * them, and the backlog would only shrink once the burst is over.
 */
export function getQueueDb(): Db {
  holder.pointsOpsQueueDb ??= createDb(getConfig().databaseUrl, 4);
  return holder.pointsOpsQueueDb;
}
