// after() does not process its delivery alone: it asks this process's single
// drain to run. Under load one drain claims deliveries in batches instead of
// every request opening its own claim and transaction, and a burst never runs
// more processors than the database pool can serve. Each pass first waits a
// moment so that deliveries arriving together are applied together: a few
// milliseconds of processing delay for much less work per delivery.
//
// Under a steady stream the wait grows with the arrival rate, so that a pass
// applies about STEADY_BATCH deliveries (at most STEADY_GATHER_MAX_MS late):
// a pass costs about ten statements whatever its size, and at 300 deliveries a
// second passes every 25 ms were more database round trips than the
// acknowledgements themselves, which lifted their tail latency. A batch that
// size is still small enough not to stall the event loop.
//
// While deliveries pour in (a burst), answering Points comes first: its 10 s
// timeout is what loses deliveries, and processing can wait because the queue
// is durable. So during a burst the drain applies one large batch a second and
// leaves the CPU to the acknowledgements; as soon as the burst ends it works
// the backlog off batch after batch. On a 2-core machine this is the difference
// between ~45% and ~60% of the bare-insert throughput (`npm run bench:webhooks`
// prints both the throughput and how long the backlog took to clear).
import type { Db } from "@/lib/db/prisma";
import { processDeliveries } from "./process-deliveries";

const BATCH_SIZE = 1_000;
const STEADY_BATCH = 50;
const STEADY_GATHER_MAX_MS = 250;

let current: Promise<void> | null = null;
let again = false;
/** requestDrain calls (one per stored delivery) since the drain last looked. */
let arrivals = 0;

export function requestDrain(
  db: Db,
  { passBudgetMs = 10_000, gatherMs = 25, burstGatherMs = 1_000, burstPerSecond = 500 } = {},
): Promise<void> {
  arrivals++;
  if (current) {
    again = true;
    return current;
  }
  current = (async () => {
    try {
      let progressed: boolean;
      let wait = gatherMs;
      let since = performance.now();
      do {
        await new Promise((resolve) => setTimeout(resolve, wait));
        again = false;
        const now = performance.now();
        const perSecond = (arrivals * 1_000) / Math.max(1, now - since);
        const burst = perSecond >= burstPerSecond;
        arrivals = 0;
        since = now;
        // In a burst one batch (a zero budget still does one); otherwise until the queue is empty or the budget is spent.
        const pass = await processDeliveries(db, {
          trigger: "after",
          batchSize: BATCH_SIZE,
          budgetMs: burst ? 0 : passBudgetMs,
        });
        progressed = pass.processed + pass.failed + pass.dead > 0;
        wait = burst ? burstGatherMs : steadyGatherMs(perSecond, gatherMs);
      } while (again || progressed);
    } finally {
      current = null;
    }
  })();
  return current;
}

/** How long to gather before the next pass: long enough for about STEADY_BATCH deliveries at this rate. */
function steadyGatherMs(perSecond: number, gatherMs: number): number {
  if (perSecond === 0) return gatherMs;
  return Math.min(STEADY_GATHER_MAX_MS, Math.max(gatherMs, (STEADY_BATCH * 1_000) / perSecond));
}
