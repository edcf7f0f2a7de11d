// node-postgres directly, for the webhook path's hot statements: the receiver's
// INSERT and the queue's batch statements. The ORM's per-query work (its query
// interpreter, parameter and row conversion) held the event loop 4–16 ms for
// a statement carrying a 250-delivery batch, while acknowledgements waited.
import pg from "pg";
import { getLogger } from "@/lib/log/logger";
import { FreezeAwarePool } from "./freeze-aware-pool";
import { sqlState } from "./sql-state";

/** What the webhook path needs of a database: pg.Pool, pg.PoolClient and pg.Client fit. */
export interface SqlClient {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
}

// What PostgreSQL answers when a named statement is not where the client left it: a pooler in
// transaction mode that does not keep prepared statements (PgBouncer before 1.21, or with
// max_prepared_statements = 0) sends each statement to whichever server connection is free.
// Either way the statement did not run.
const STATEMENT_NOT_KEPT = new Set(["26000", "42P05"]); // invalid_sql_statement_name, duplicate_prepared_statement
const keepsNoStatements = new WeakSet<SqlClient>();

/**
 * Runs a statement sent on every request (the receiver's INSERT) as a named
 * prepared statement, so each connection has PostgreSQL parse and plan it
 * once rather than every time: on the 2-core bench machine, where PostgreSQL
 * shares the CPU with the server, `npm start` then answered about a third more
 * deliveries a second flat out. Behind a pooler that cannot keep named
 * statements, the first refusal is retried as a plain statement and `sql` is
 * sent plain statements from then on.
 */
export async function queryPrepared<R extends pg.QueryResultRow>(
  sql: SqlClient,
  name: string,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<R>> {
  if (!keepsNoStatements.has(sql)) {
    try {
      return await sql.query<R>({ name, text, values });
    } catch (error) {
      if (!STATEMENT_NOT_KEPT.has(sqlState(error) ?? "")) throw error;
      keepsNoStatements.add(sql);
    }
  }
  return sql.query<R>(text, values);
}

/** How many connections `sql` may hold at once: a pool's size, one for a lone client. */
export const connectionSlots = (sql: SqlClient): number => (sql as Partial<pg.Pool>).options?.max ?? 1;

// The connection's fault, not the statement's: reset or closed under the client, or the session ended by the
// server (pg_terminate_backend, a pooler shutting it, idle_session_timeout).
const BROKEN_CONNECTION_CODES = new Set(["ECONNRESET", "EPIPE", "57P01", "57P05"]);
const BROKEN_CONNECTION_MESSAGE = /^Connection terminated unexpectedly|connection error and is not queryable/;

/** Whether `error` says the connection was gone (before or while the statement ran), as node-postgres reports it. */
export function isBrokenConnection(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? String((error as { code?: unknown }).code ?? "") : "";
  return BROKEN_CONNECTION_CODES.has(code) || (error instanceof Error && BROKEN_CONNECTION_MESSAGE.test(error.message));
}

/**
 * Runs `statement` on the pool `sql`, again each time it fails on a connection
 * that turns out to be broken (the pool drops that one): a process frozen with
 * its connections kept open (lib/db/receiver-pool.ts; a Vercel function
 * between invocations) can wake to find every one of them closed at the other
 * end, and only learns it by sending. At most once per connection the pool
 * holds, plus once on a new one. Only for statements that may run twice: a
 * connection that breaks can lose the answer to a statement that committed.
 */
export async function retryOnBrokenConnections<T>(sql: SqlClient, statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (!isBrokenConnection(error) || attempt > connectionSlots(sql)) throw error;
    }
  }
}

/** A pool that reports, as `who`, an idle connection the server dropped (a restart, a failover). */
export function createPool(config: pg.PoolConfig, who: string): pg.Pool {
  const pool = new FreezeAwarePool(config);
  // Unheard, that error would crash the process; the pool replaces the connection itself.
  pool.on("error", (error) => getLogger().warn({ err: error }, `${who}: an idle database connection was closed`));
  return pool;
}

// A connection that dies while checked out is reported by its next statement; unheard, its error event would
// end the process (or the drain's thread). The pool listens again once it is released.
const ignoreConnectionErrors = () => {};

/**
 * Runs `work` in one transaction on a connection of its own: committed when it
 * resolves, rolled back when it throws (the error is passed on).
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await begin(pool);
  let broken: Error | undefined;
  try {
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
    client.off("error", ignoreConnectionErrors);
    client.release(broken);
  }
}

/**
 * A connection of `pool` with a transaction begun on it, its error events
 * heard until inTransaction releases it. One whose BEGIN finds it broken is
 * dropped and the next one tried (retryOnBrokenConnections), always safely
 * here: nothing has run on it yet.
 */
const begin = (pool: pg.Pool): Promise<pg.PoolClient> =>
  retryOnBrokenConnections(pool, async () => {
    const client = await pool.connect();
    client.on("error", ignoreConnectionErrors);
    try {
      await client.query("BEGIN");
      return client;
    } catch (error) {
      client.off("error", ignoreConnectionErrors);
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  });
