// The in-process sweeper under `npm start` (Vercel uses /api/cron/webhooks):
// picks up deliveries whose after() processing never ran or failed.
import type { Db } from "@/lib/db/prisma";
import { repeatTask } from "@/lib/jobs/repeat-task";
import { processDeliveries } from "./process-deliveries";

export function startSweeper(db: Db, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  return repeatTask(intervalMs, () => processDeliveries(db, { trigger: "sweeper", budgetMs: intervalMs }), onError);
}
