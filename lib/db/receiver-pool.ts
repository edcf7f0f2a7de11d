// The webhook receiver's own connection pool, on node-postgres directly. The
// receiver's single INSERT is the hottest statement in the app; going through
// pg without the ORM's per-query work keeps its acknowledgements fast (see
// `npm run bench:webhooks`), and a pool of its own keeps a burst of deliveries
// from queueing behind dashboard queries.
import pg from "pg";
import { getConfig } from "@/lib/config/env";
import { getLogger } from "@/lib/log/logger";
import { poolConfig, poolSizes } from "@/lib/config/pool-settings";

export function createReceiverPool(databaseUrl: string, max = 10): pg.Pool {
  const pool = new pg.Pool(poolConfig(databaseUrl, "receiver", max));
  // An idle connection the server drops (a restart, a failover) is reported
  // here; unheard, it would crash the process. The pool replaces it itself.
  pool.on("error", (error) =>
    getLogger().warn({ err: error }, "webhook receiver: an idle database connection was closed"),
  );
  return pool;
}

const holder = globalThis as unknown as { pointsOpsReceiverPool?: pg.Pool };

export function getReceiverPool(): pg.Pool {
  const config = getConfig();
  holder.pointsOpsReceiverPool ??= createReceiverPool(config.databaseUrl, poolSizes(config.dbPoolSize).receiver);
  return holder.pointsOpsReceiverPool;
}
