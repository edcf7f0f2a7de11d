// after() does not process its delivery alone: it asks this process's single
// drain to run. Under load one drain claims deliveries in batches instead of
// every request opening its own claim and transaction, and a burst never runs
// more processors than the database pool can serve.
import type { Db } from "@/lib/db/prisma";
import { processDeliveries } from "./process-deliveries";

let current: Promise<void> | null = null;
let again = false;

export function requestDrain(db: Db): Promise<void> {
  if (current) {
    again = true;
    return current;
  }
  current = (async () => {
    try {
      do {
        again = false;
        await processDeliveries(db, { trigger: "after", batchSize: 50, budgetMs: 30_000 });
      } while (again);
    } finally {
      current = null;
    }
  })();
  return current;
}
