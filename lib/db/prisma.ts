// The Prisma clients. Password hashes are omitted from every query unless a
// caller asks for them explicitly (only sign-in does). Pool sizes and timeouts:
// lib/config/pool-settings.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/config/env";
import { poolConfig, poolSizes, type PoolRole } from "@/lib/config/pool-settings";
import { FreezeAwarePool } from "./freeze-aware-pool";
import { createPool } from "./sql-client";

// Each client's pool settings, for its node-postgres twin (sqlPoolOf). Held on globalThis, as the
// clients are: Next bundles this module more than once, and a client made by one copy is used by all.
const twinHolder = globalThis as unknown as {
  pointsOpsSqlTwins?: WeakMap<object, { config: pg.PoolConfig; pool?: pg.Pool }>;
};
const twins = (twinHolder.pointsOpsSqlTwins ??= new WeakMap());

export function createDb(databaseUrl: string, opts: { role?: Exclude<PoolRole, "receiver">; max?: number } = {}) {
  const config = poolConfig(databaseUrl, opts.role ?? "app", opts.max ?? 10);
  const adapter = new PrismaPg(new FreezeAwarePool(config), { disposeExternalPool: true });
  const db = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  twins.set(db, { config });
  return db;
}

/**
 * node-postgres on the same database, with the same pool settings as `db`,
 * made on first use: the webhook queue runs its batch statements there
 * (lib/db/sql-client.ts says why). Like any pg pool it opens a connection only
 * when one is asked for while the others are busy; its idle connections close
 * after 10 s and never keep a process alive, so `db.$disconnect()` callers
 * need not end it.
 */
export function sqlPoolOf(db: Db): pg.Pool {
  const twin = twins.get(db);
  if (!twin) throw new Error("sqlPoolOf needs a client made by createDb");
  if (!twin.pool) {
    twin.pool = createPool({ ...twin.config, allowExitOnIdle: true }, "webhook queue");
  }
  return twin.pool;
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
