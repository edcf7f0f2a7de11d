// The in-process sweeper under `npm start` (Vercel uses /api/cron/webhooks):
// picks up deliveries whose after() processing never ran or failed.
import type { Db } from "@/lib/db/prisma";
import { processDeliveries } from "./process-deliveries";

export function startSweeper(db: Db, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  if (intervalMs <= 0) return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return; // a slow sweep must not pile up behind itself
    busy = true;
    running = processDeliveries(db, { trigger: "sweeper", budgetMs: intervalMs })
      .catch(onError)
      .finally(() => (busy = false));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
