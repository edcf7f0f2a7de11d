// Finds the run to work on — the latest one still `running`, else a new one —
// and takes its lease. Serialised by an advisory lock so two invocations never
// both start a run; the lease keeps a second one off a run being worked on.
// With `runId` only that run is taken, and only while it is still running:
// continuing a run never starts another. Each claim increments the run's
// lease_token: the holder's writes check it (run-reconciliation.ts), so an
// invocation that stalled past its lease and lost the run changes nothing.
import { leaseDurations } from "@/lib/config/env";
import type { Db } from "@/lib/db/prisma";
import type { ReconcileRun } from "@/lib/generated/prisma/client";
import { countSelected } from "./select-orders";

const LOCK_KEY = 7_241_003; // any constant private to reconciliation

export type Trigger = "cron" | "cli" | "manual";

export interface ClaimedRun {
  run: ReconcileRun;
  resumed: boolean;
}

export async function claimRun(
  db: Db,
  trigger: Trigger,
  opts: { recentDays?: number; runId?: string } = {},
): Promise<ClaimedRun | null> {
  const { recentDays, runId } = opts;
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    const now = new Date();
    const leased = new Date(now.getTime() + leaseDurations().reconcileMs);
    const open = await tx.reconcileRun.findFirst({
      where: { status: "running", ...(runId ? { id: runId } : {}) },
      orderBy: { startedAt: "desc" },
    });
    if (open) {
      if (isLeased(open, now)) return null;
      return {
        run: await tx.reconcileRun.update({
          where: { id: open.id },
          data: { lockedUntil: leased, leaseToken: { increment: 1 } },
        }),
        resumed: true,
      };
    }
    if (runId) return null;
    const planned = await countSelected(tx, { asOf: now, recentDays });
    return {
      run: await tx.reconcileRun.create({
        data: { trigger, startedAt: now, planned, lockedUntil: leased, leaseToken: 1 },
      }),
      resumed: false,
    };
  });
}

/** Some invocation is working on the run right now. */
export const isLeased = (run: Pick<ReconcileRun, "lockedUntil">, now = new Date()) =>
  run.lockedUntil !== null && run.lockedUntil > now;
