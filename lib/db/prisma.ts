// The Prisma clients. Password hashes are omitted from every query unless a
// caller asks for them explicitly (only sign-in does). Pool sizes and timeouts:
// lib/config/pool-settings.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/config/env";
import { poolConfig, poolSizes, type PoolRole } from "@/lib/config/pool-settings";

export function createDb(databaseUrl: string, opts: { role?: Exclude<PoolRole, "receiver">; max?: number } = {}) {
  const role = opts.role ?? "app";
  return new PrismaClient({
    adapter: new PrismaPg(poolConfig(databaseUrl, role, opts.max ?? 10)),
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
  const config = getConfig();
  holder.pointsOpsDb ??= createDb(config.databaseUrl, { max: poolSizes(config.dbPoolSize).app });
  return holder.pointsOpsDb;
}

/**
 * The webhook queue's own small pool: under a burst of deliveries the
 * receiver's inserts would otherwise queue every processing transaction behind
 * them, and the backlog would only shrink once the burst is over.
 */
export function getQueueDb(): Db {
  const config = getConfig();
  holder.pointsOpsQueueDb ??= createDb(config.databaseUrl, { role: "queue", max: poolSizes(config.dbPoolSize).queue });
  return holder.pointsOpsQueueDb;
}
