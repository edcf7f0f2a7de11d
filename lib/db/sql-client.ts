// node-postgres directly, for the webhook path's hot statements: the receiver's
// INSERT and the queue's batch statements. The ORM's per-query work (its query
// interpreter, parameter and row conversion) held the event loop 4–16 ms for
// a statement carrying a 250-delivery batch, while acknowledgements waited.
import pg from "pg";
import { getLogger } from "@/lib/log/logger";

/** What the webhook path needs of a database: pg.Pool, pg.PoolClient and pg.Client fit. */
export interface SqlClient {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** A pool that reports, as `who`, an idle connection the server dropped (a restart, a failover). */
export function createPool(config: pg.PoolConfig, who: string): pg.Pool {
  const pool = new pg.Pool(config);
  // Unheard, that error would crash the process; the pool replaces the connection itself.
  pool.on("error", (error) => getLogger().warn({ err: error }, `${who}: an idle database connection was closed`));
  return pool;
}

/**
 * Runs `work` in one transaction on a connection of its own: committed when it
 * resolves, rolled back when it throws (the error is passed on).
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not given to the next caller.
    await client.query("ROLLBACK").catch((e: unknown) => {
      broken = e instanceof Error ? e : new Error(String(e));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
