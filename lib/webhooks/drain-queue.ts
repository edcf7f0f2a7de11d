// after() does not process its delivery alone: it asks this process's single
// drain to run. Under load one drain claims deliveries in batches instead of
// every request opening its own claim and transaction, and a burst never runs
// more processors than the database pool can serve. Each pass first waits a
// moment so that deliveries arriving together are applied together: a few
// milliseconds of processing delay for much less work per delivery, which
// keeps the acknowledgements of the requests still coming in fast. Under a
// burst it waits longer between passes: one transaction of hundreds of
// deliveries costs far less per delivery than many small ones, and the CPU it
// saves goes to answering Points (a 2-core machine keeps roughly 70% of the
// bare-insert throughput this way instead of about 30%; `npm run bench:webhooks`).
import type { Db } from "@/lib/db/prisma";
import { processDeliveries } from "./process-deliveries";

const BATCH_SIZE = 500;
// A pass that handled this many deliveries means a burst is on.
const BUSY_PASS = 100;

let current: Promise<void> | null = null;
let again = false;

export function requestDrain(db: Db, { passBudgetMs = 10_000, gatherMs = 25, busyGatherMs = 200 } = {}): Promise<void> {
  if (current) {
    again = true;
    return current;
  }
  current = (async () => {
    try {
      let progressed: boolean;
      let wait = gatherMs;
      do {
        await new Promise((resolve) => setTimeout(resolve, wait));
        again = false;
        // A pass ends at its time budget even with work left; keep going until a pass finds nothing due.
        const pass = await processDeliveries(db, { trigger: "after", batchSize: BATCH_SIZE, budgetMs: passBudgetMs });
        const handled = pass.processed + pass.failed + pass.dead;
        progressed = handled > 0;
        wait = handled >= BUSY_PASS ? busyGatherMs : gatherMs;
      } while (again || progressed);
    } finally {
      current = null;
    }
  })();
  return current;
}
