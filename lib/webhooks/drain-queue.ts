// after() does not process its delivery alone: it asks this process's single
// drain to run. Under load one drain claims deliveries in batches instead of
// every request opening its own claim and transaction, and a burst never runs
// more processors than the database pool can serve. Each pass first waits a
// moment so that deliveries arriving together are applied together: a few
// milliseconds of processing delay for much less work per delivery, which
// keeps the acknowledgements of the requests still coming in fast.
import type { Db } from "@/lib/db/prisma";
import { processDeliveries } from "./process-deliveries";

let current: Promise<void> | null = null;
let again = false;

export function requestDrain(db: Db, { passBudgetMs = 10_000, gatherMs = 25 } = {}): Promise<void> {
  if (current) {
    again = true;
    return current;
  }
  current = (async () => {
    try {
      let progressed: boolean;
      do {
        await new Promise((resolve) => setTimeout(resolve, gatherMs));
        again = false;
        // A pass ends at its time budget even with work left; keep going until a pass finds nothing due.
        const pass = await processDeliveries(db, { trigger: "after", batchSize: 50, budgetMs: passBudgetMs });
        progressed = pass.processed + pass.failed + pass.dead > 0;
      } while (again || progressed);
    } finally {
      current = null;
    }
  })();
  return current;
}
