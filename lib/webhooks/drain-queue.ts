// after() does not process its delivery alone: it asks this process's single
// drain to run. Under load one drain claims deliveries in batches instead of
// every request opening its own claim and transaction, and a burst never runs
// more processors than the database pool can serve. Each pass first waits a
// moment so that deliveries arriving together are applied together: a few
// milliseconds of processing delay for much less work per delivery.
//
// Under a steady stream the wait is chosen from the arrival rate so that a
// pass applies about STEADY_BATCH deliveries, at most STEADY_GATHER_MAX_MS
// late. A pass costs a few statements whatever its size, and each costs
// more CPU than a delivery's own share of the work: processing took 0.31 ms of
// CPU a delivery in batches of 50, 0.17 ms in batches of 300 and 0.13 ms in
// batches of 1,000. Processing shares the instance's CPU with the
// acknowledgements (one `next start` instance saturated at 300 deliveries a
// second with batches of 50), so larger batches leave more of it to them. The
// parse is sliced (process-deliveries.ts), so a batch this size does not stall
// the event loop either.
//
// What the merchant sees: a delivery after a quiet spell is applied about
// 25 ms after its acknowledgement; under a steady stream, within about a
// second; during a burst (below), within about a second of the burst's end
// plus the time to work off its backlog. Nothing waits for the cron sweep
// unless the instance dies or its processing fails. Leaving processing to the
// sweep under load was weighed and refused: Vercel runs it once a minute at
// best (once a day on Hobby), so a sustained stream would wait up to a minute
// or more, and the sweep's work is the same statements on some instance.
//
// Only the request that starts a drain needs after() (drainSoon): the
// drain is one promise, and that after() keeps the invocation alive until the
// drain ends, new arrivals included. Registering after() on every request cost
// each acknowledgement Next's after() bookkeeping (an async-context bind), and
// under a steady stream, where the drain would never end, every request's
// handler stayed attached to the one pending promise. So a drain lives 30 s,
// well inside a function's maxDuration: then it makes one last pass, which
// works the queue off (up to its 10 s budget) even during a burst; what
// arrives during that pass starts a fresh drain, with its own after(), as soon
// as it ends. Only a backlog beyond that budget with nothing arriving after it
// is left to the cron sweep (or the sweeper). Both servers run this drain on a
// thread of its own (drain-thread.ts), where "keep alive" is the thread saying
// when a drain has ended, and the answering thread holds one after() per drain.
//
// While deliveries pour in (a burst), answering Points comes first: its 10 s
// timeout is what loses deliveries, and processing can wait because the queue
// is durable. So during a burst the drain applies one large batch a second and
// leaves the CPU to the acknowledgements; as soon as the burst ends it works
// the backlog off batch after batch. On a 2-core machine this was the difference
// between ~45% and ~60% of the bare-insert throughput, before the receiver
// batched its own inserts (`npm run bench:webhooks` prints both the throughput
// and how long the backlog took to clear).
import type { Db } from "@/lib/db/prisma";
import { processDeliveries } from "./process-deliveries";

const BATCH_SIZE = 1_000;
const STEADY_BATCH = 250;
const STEADY_GATHER_MAX_MS = 1_000;

let current: Promise<void> | null = null;
let again = false;
/** The running drain is in its last pass: what arrives now needs a fresh drain. */
let closing = false;
/** requestDrain calls (one per stored delivery) since the drain last looked. */
let arrivals = 0;
/** Arrivals counted outside this module since the drain last looked (the drain thread's: drain-thread.ts), taken as read. */
let takeCountedArrivals = () => 0;

/** Has the drain also count the arrivals `take` answers, each time it looks (it resets what it answers). */
export function countArrivalsWith(take: () => number): void {
  takeCountedArrivals = take;
}

/**
 * Counts one more stored delivery toward the drain already running in this
 * process, which then makes another pass for it; false when none runs (or it
 * is in its last pass), and the caller starts one with requestDrain. drainSoon
 * asks this first so that only the request that starts a drain registers
 * after(): the drain is one promise, and that request's after() already keeps
 * it alive until it ends.
 */
export function joinRunningDrain(): boolean {
  if (!current || closing) return false;
  arrivals++;
  again = true;
  return true;
}

/**
 * Has a freshly stored delivery applied soon: it joins the drain running in
 * this process, or starts one and hands it to `keepAlive` (the route
 * handler's after(); the self-hosted server simply lets it run). If the drain
 * fails, its deliveries stay queued for the cron sweep or the sweeper.
 */
export function drainSoon(db: () => Db, keepAlive: (drain: () => Promise<void>) => void): void {
  if (!joinRunningDrain()) keepAlive(() => requestDrain(db()).catch(() => {}));
}

export interface DrainOptions {
  passBudgetMs?: number;
  gatherMs?: number;
  burstGatherMs?: number;
  burstPerSecond?: number;
  /** After this long a drain makes one last pass and ends. */
  lifetimeMs?: number;
}

export function requestDrain(db: Db, opts: DrainOptions = {}): Promise<void> {
  // Too late for the drain in its last pass: a fresh one follows it, kept alive by this caller.
  if (current && closing) return current.then(() => requestDrain(db, opts));
  const { passBudgetMs = 10_000, gatherMs = 25, burstGatherMs = 1_000, burstPerSecond = 500 } = opts;
  const lifetimeMs = opts.lifetimeMs ?? 30_000;
  arrivals++;
  if (current) {
    again = true;
    return current;
  }
  current = (async () => {
    try {
      let progressed: boolean;
      let wait = gatherMs;
      const began = performance.now();
      let since = began;
      do {
        await new Promise((resolve) => setTimeout(resolve, wait));
        arrivals += takeCountedArrivals();
        again = false;
        closing = performance.now() - began >= lifetimeMs;
        const now = performance.now();
        const perSecond = (arrivals * 1_000) / Math.max(1, now - since);
        const burst = perSecond >= burstPerSecond;
        arrivals = 0;
        since = now;
        // In a burst one batch (a zero budget still does one); otherwise, and in a drain's last pass,
        // until the queue is empty or the budget is spent.
        const pass = await processDeliveries(db, {
          trigger: "after",
          batchSize: BATCH_SIZE,
          budgetMs: burst && !closing ? 0 : passBudgetMs,
        });
        progressed = pass.processed + pass.failed + pass.dead > 0;
        wait = burst ? burstGatherMs : steadyGatherMs(perSecond, gatherMs);
        // Arrivals counted during a last pass stay counted: the drain that follows this one takes them.
        const counted = closing ? 0 : takeCountedArrivals();
        arrivals += counted;
        if (counted > 0) again = true;
      } while ((again || progressed) && !closing);
    } finally {
      current = null;
      closing = false;
    }
  })();
  return current;
}

/** How long to gather before the next pass: long enough for about STEADY_BATCH deliveries at this rate. */
function steadyGatherMs(perSecond: number, gatherMs: number): number {
  if (perSecond === 0) return gatherMs;
  return Math.min(STEADY_GATHER_MAX_MS, Math.max(gatherMs, (STEADY_BATCH * 1_000) / perSecond));
}
