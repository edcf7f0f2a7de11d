// The webhook receiver's own connection pool, on node-postgres directly. The
// receiver's single INSERT is the hottest statement in the app; going through
// pg without the ORM's per-query work keeps its acknowledgements fast (see
// `npm run bench:webhooks`), and a pool of its own keeps a burst of deliveries
// from queueing behind dashboard queries.
import type pg from "pg";
import { getConfig } from "@/lib/config/env";
import { poolConfig, poolSizes } from "@/lib/config/pool-settings";
import { createPool } from "./sql-client";

export function createReceiverPool(databaseUrl: string, max = 10): pg.Pool {
  return createPool(poolConfig(databaseUrl, "receiver", max), "webhook receiver");
}

const holder = globalThis as unknown as { pointsOpsReceiverPool?: pg.Pool };

export function getReceiverPool(): pg.Pool {
  const config = getConfig();
  holder.pointsOpsReceiverPool ??= createReceiverPool(config.databaseUrl, poolSizes(config.dbPoolSize).receiver);
  return holder.pointsOpsReceiverPool;
}
