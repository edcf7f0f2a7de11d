// Our receiver's 5xx answers, for the receiver_5xx alert. The usual cause is
// the database being unavailable, which is exactly when a row cannot be
// written: so each failure is noted in memory (bounded, newest kept) and
// written to receiver_failures once the database answers again, by a retrying
// timer in this process and by every alert check (runAlertChecks). Noting is
// synchronous and costs the receiver nothing on its success path.
//
// Each failure keeps why the row could not be stored: only "unreachable" and
// "overloaded" (the server out of connections or resources) mean the database
// is out (the receiver_5xx alert). A lock or statement timeout means it
// answered but too slowly (e.g. behind a stalled instance's transaction), and
// "pool_busy" that this instance's own pool had no free connection in time —
// also what every waiting request reports when a stalled process wakes and
// its timers fire at once. Points' retry finds those well.
//
// A restart must not lose them, or receiver_5xx never fires for the outage it
// exists for. The self-hosted server (scripts/serve.ts) keeps a journal: each
// failure is appended to a small file under .data/ as it is noted, the file is
// rewritten to what is still unwritten after each write (so it stays within
// the bound), and a new process reads it back at start. On Vercel there is no
// disk that outlives an instance: the failures are logged, which the platform keeps.
//
// The log is throttled: a failure is logged at once when none was in the last
// LOG_INTERVAL_MS, and those that follow within the interval are counted by
// reason into one line when it ends. Once an instance is saturated every
// waiting request can fail the same way (pool_busy); a log line each fed the
// overload it reported. The rows for receiver_5xx are still one per failure.
// The counted line is written by a timer, and also by the next failure once
// the interval is over: a Vercel instance frozen between requests runs no
// timer, and on Vercel the log is the only record kept while the database is
// away. An instance killed while frozen loses at most one interval's count
// (its in-memory rows are lost with it either way).
import fs from "node:fs";
import path from "node:path";
import type { SqlClient } from "@/lib/db/sql-client";
import { getLogger } from "@/lib/log/logger";

export const MAX_PENDING_FAILURES = 1_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
export const LOG_INTERVAL_MS = 1_000;

interface PendingFailure {
  status: number;
  reason: string;
  occurredAt: Date;
}

interface State {
  pending: PendingFailure[];
  /** Failures pushed out of the bounded buffer since the last write. */
  dropped: number;
  /** The receiver's pool: the failures are written where the receiver could not write. */
  sql?: SqlClient;
  timer?: NodeJS.Timeout;
  retryMs: number;
  flushing?: Promise<number>;
  /** The journal file, when this process keeps one. */
  journal?: string;
  /** Lines in the journal, to know when to compact it. */
  journalLines: number;
  /** The open log interval: when its logged failure came, and the failures counted since. */
  logWindow?: LogWindow;
}

interface LogWindow {
  openedAt: number;
  unlogged: Map<string, { status: number; reason: string; count: number }>;
}

// On globalThis: Next may load this module once per route bundle, and the receiver and the cron route must share it.
const holder = globalThis as unknown as { pointsOpsReceiverFailures?: State };
const state = (holder.pointsOpsReceiverFailures ??= {
  pending: [],
  dropped: 0,
  retryMs: FIRST_RETRY_MS,
  journalLines: 0,
});

export const OUTAGE_REASONS = ["unreachable", "overloaded"] as const;
export type StoreFailureReason =
  (typeof OUTAGE_REASONS)[number] | "pool_busy" | "lock_timeout" | "statement_timeout" | "store_failed";

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "EPIPE",
]);

/** Why a write to the database failed, from node-postgres' error (SQLSTATE or socket error code). */
export function storeFailureReason(error: unknown): StoreFailureReason {
  const code = typeof error === "object" && error !== null ? String((error as { code?: unknown }).code ?? "") : "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "55P03") return "lock_timeout";
  // query_canceled: our statement_timeout (nothing else of ours cancels queries)
  if (code === "57014") return "statement_timeout";
  // The pool had no free connection in time: this instance has more work than its budget, or was frozen.
  if (/timeout exceeded when trying to connect/i.test(message)) return "pool_busy";
  // connection exceptions, refused login or missing database, shutdown, out of connections or resources, no socket
  if (/^(08|28|3D|53|57P)/.test(code) || UNREACHABLE_CODES.has(code) || /connection terminated|connect/i.test(message))
    return code.startsWith("53") ? "overloaded" : "unreachable";
  return "store_failed";
}

export function noteReceiverFailure(sql: SqlClient, status: number, reason: string): void {
  const failure = { status, reason, occurredAt: new Date() };
  state.pending.push(failure);
  if (state.pending.length > MAX_PENDING_FAILURES) {
    state.pending.shift();
    state.dropped++;
  }
  if (!state.journal) logFailure(status, reason);
  else if (state.journalLines >= MAX_PENDING_FAILURES) rewriteJournal();
  else appendToJournal(failure);
  state.sql = sql;
  schedule();
}

/** Logs at once after a quiet spell; otherwise counts it into the open interval's one line. */
function logFailure(status: number, reason: string) {
  const now = Date.now();
  const window = state.logWindow;
  if (window && now - window.openedAt < LOG_INTERVAL_MS) {
    const key = `${status} ${reason}`;
    const tally = window.unlogged.get(key);
    if (tally) tally.count++;
    else window.unlogged.set(key, { status, reason, count: 1 });
    return;
  }
  if (window) closeLogWindow(window); // its timer has not run: a frozen instance, or a busy event loop
  getLogger().warn({ status, reason }, "webhook receiver failure noted");
  const opened: LogWindow = { openedAt: now, unlogged: new Map() };
  state.logWindow = opened;
  setTimeout(() => closeLogWindow(opened), LOG_INTERVAL_MS).unref();
}

/** Writes the interval's counted line, once, and forgets the interval. */
function closeLogWindow(window: LogWindow) {
  if (state.logWindow !== window) return;
  state.logWindow = undefined;
  const failures = [...window.unlogged.values()];
  if (failures.length === 0) return;
  const count = failures.reduce((sum, t) => sum + t.count, 0);
  getLogger().warn(
    { count, failures, intervalMs: LOG_INTERVAL_MS },
    "webhook receiver failures noted since the last line",
  );
}

/**
 * Keeps a journal in `file` from now on, and takes back the failures a
 * previous process noted there but never wrote; they are written through `sql`.
 */
export function keepReceiverFailureJournal(file: string, sql: SqlClient): void {
  state.journal = file;
  state.sql = sql;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let lines: string[] = [];
  try {
    lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    // no journal yet
  }
  const restored = lines.flatMap((line): PendingFailure[] => {
    try {
      const f = JSON.parse(line) as { status: number; reason: string; occurredAt: string };
      return [{ status: f.status, reason: String(f.reason), occurredAt: new Date(f.occurredAt) }];
    } catch {
      return []; // a line cut short by a crash mid-write
    }
  });
  state.pending = [...restored, ...state.pending].slice(-MAX_PENDING_FAILURES);
  rewriteJournal();
  if (state.pending.length) schedule();
}

function appendToJournal(failure: PendingFailure) {
  try {
    fs.appendFileSync(state.journal!, `${JSON.stringify(failure)}\n`);
    state.journalLines++;
  } catch (error) {
    getLogger().warn({ err: error }, "webhook receiver failure journal: cannot append");
  }
}

function rewriteJournal() {
  try {
    const text = state.pending.map((f) => `${JSON.stringify(f)}\n`).join("");
    fs.writeFileSync(`${state.journal}.tmp`, text);
    fs.renameSync(`${state.journal}.tmp`, state.journal!);
    state.journalLines = state.pending.length;
  } catch (error) {
    getLogger().warn({ err: error }, "webhook receiver failure journal: cannot rewrite");
  }
}

export function pendingReceiverFailures(): number {
  return state.pending.length;
}

function schedule() {
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    void flushReceiverFailures();
  }, state.retryMs);
  state.timer.unref();
}

/** Writes the failures noted in this process; answers how many. On failure they stay noted and a retry is scheduled. */
export function flushReceiverFailures(): Promise<number> {
  state.flushing ??= write().finally(() => (state.flushing = undefined));
  return state.flushing;
}

async function write(): Promise<number> {
  const sql = state.sql;
  const batch = state.pending.splice(0);
  if (!sql || batch.length === 0) return 0;
  const dropped = state.dropped;
  state.dropped = 0;
  try {
    await sql.query(
      "INSERT INTO receiver_failures (status, reason, occurred_at) SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[])",
      [batch.map((f) => f.status), batch.map((f) => f.reason), batch.map((f) => f.occurredAt)],
    );
  } catch {
    // Older first, then whatever was noted meanwhile, within the bound.
    const kept = [...batch, ...state.pending];
    state.dropped += dropped + Math.max(0, kept.length - MAX_PENDING_FAILURES);
    state.pending = kept.slice(-MAX_PENDING_FAILURES);
    state.retryMs = Math.min(state.retryMs * 2, MAX_RETRY_MS);
    schedule();
    return 0;
  }
  state.retryMs = FIRST_RETRY_MS;
  // Written: what remains in the journal is only what was noted meanwhile.
  if (state.journal) rewriteJournal();
  if (dropped > 0)
    getLogger().warn(
      { dropped, recorded: batch.length },
      "webhook receiver failures beyond the in-memory bound were not recorded",
    );
  return batch.length;
}
