// Reconciliation for the overview: what is still open for ops to decide.
import type { Db } from "@/lib/db/prisma";

export interface ReconciliationFigures {
  openDifferences: number;
  openFlags: number;
}

export async function reconciliationFigures(db: Db): Promise<ReconciliationFigures> {
  const [openDifferences, openFlags] = await Promise.all([
    db.reconcileDifference.count({ where: { status: "open" } }),
    db.lifecycleFlag.count({ where: { status: "open" } }),
  ]);
  return { openDifferences, openFlags };
}
