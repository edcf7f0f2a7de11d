// The webhook receiver's own connection pool, on node-postgres directly. The
// receiver's single INSERT is the hottest statement in the app; going through
// pg without the ORM's per-query work keeps its acknowledgements fast (see
// `npm run bench:webhooks`), and a pool of its own keeps a burst of deliveries
// from queueing behind dashboard queries.
import type pg from "pg";
import { getConfig } from "@/lib/config/env";
import { poolConfig, poolSizes } from "@/lib/config/pool-settings";
import { createPool } from "./sql-client";

/**
 * A connection the receiver opened stays open: pg closes idle ones after 10 s,
 * and the next burst (or the backlog after a stall, such as a major garbage
 * collection of Next's process) then waited for new connections, each a new
 * PostgreSQL backend to start, just when acknowledgements were already late
 * (docs/architecture.md, "the receiver keeps its connections"). TCP keepalive
 * keeps an idle one known to NATs and finds a dead peer without a query.
 */
export function createReceiverPool(databaseUrl: string, max = 10): pg.Pool {
  return createPool(
    { ...poolConfig(databaseUrl, "receiver", max), min: max, keepAlive: true, keepAliveInitialDelayMillis: 60_000 },
    "webhook receiver",
  );
}

const holder = globalThis as unknown as { pointsOpsReceiverPool?: pg.Pool };

export function getReceiverPool(): pg.Pool {
  const config = getConfig();
  holder.pointsOpsReceiverPool ??= createReceiverPool(config.databaseUrl, poolSizes(config.dbPoolSize).receiver);
  return holder.pointsOpsReceiverPool;
}
