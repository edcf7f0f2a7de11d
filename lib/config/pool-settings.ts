// How many connections each of a server's pools may open, and how long any of
// their statements, lock waits and open transactions may last.
//
// DB_POOL_SIZE is the budget of one server process (one Vercel function
// instance): the dashboard's Prisma pool, the webhook queue's drain pool and
// the receiver's pg pool together never open more. Their timeouts keep one
// stalled process (a frozen VM, a stopped `npm run reconcile`) from blocking
// the others: its open transaction is ended by the server after
// idle_in_transaction_session_timeout, and whoever waits on its locks gives up
// after lock_timeout instead of waiting with it.
import type pg from "pg";

export type PoolRole = "app" | "queue" | "receiver";

/** One connection per pool. */
export const MIN_POOL_SIZE = 3;
export const DEFAULT_POOL_SIZE = 12;

/** Splits a process's budget: a third (at least one) to the receiver, a sixth (at least one) to the drain, the rest to the app. */
export function poolSizes(total: number): Record<PoolRole, number> {
  const budget = Math.max(MIN_POOL_SIZE, Math.floor(total));
  const receiver = Math.max(1, Math.ceil(budget / 3));
  const queue = Math.max(1, Math.floor(budget / 6));
  return { receiver, queue, app: budget - receiver - queue };
}

interface Timeouts {
  /** Waiting for a free connection of the pool (pg's connectionTimeoutMillis). */
  connectMs: number;
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
}

export const POOL_TIMEOUTS: Record<PoolRole, Timeouts> = {
  // Points gives up after 10 s: a connection (3 s) plus the insert (4 s) must fit, and a
  // row locked by a drain is waited for 2 s at most; the answer is then a prompt 503.
  receiver: { connectMs: 3_000, statementMs: 4_000, lockMs: 2_000, idleInTransactionMs: 5_000 },
  // A drain batch applies up to 1,000 deliveries in a few statements; a lock held
  // by a stalled instance is given up on after 5 s and the batch retried later.
  queue: { connectMs: 5_000, statementMs: 20_000, lockMs: 5_000, idleInTransactionMs: 10_000 },
  // Pages, actions, cron jobs and reconciliation: the longest are the search and
  // CSV exports. No transaction of the app waits on the network inside it.
  app: { connectMs: 5_000, statementMs: 30_000, lockMs: 10_000, idleInTransactionMs: 15_000 },
};

/** The pg.Pool options of a pool with this role. */
export function poolConfig(databaseUrl: string, role: PoolRole, max: number): pg.PoolConfig {
  const t = POOL_TIMEOUTS[role];
  return {
    connectionString: databaseUrl,
    // So that pg_stat_activity tells the receiver's, the drain's and the dashboard's connections apart
    // (what each waits on, what each holds); an application_name in DATABASE_URL takes precedence.
    application_name: `points-ops ${role}`,
    max,
    connectionTimeoutMillis: t.connectMs,
    // Sent at connection start-up, so each pool's connections keep their own values.
    statement_timeout: t.statementMs,
    lock_timeout: t.lockMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
  };
}
