// Finds the run to work on — the latest one still `running`, else a new one —
// and takes its lease. Serialised by an advisory lock so two invocations never
// both start a run; the lease keeps a second one off a run being worked on.
import type { Db } from "@/lib/db/prisma";
import type { ReconcileRun } from "@/lib/generated/prisma/client";
import { countSelected } from "./select-orders";

export const LEASE_MS = 5 * 60_000;
const LOCK_KEY = 7_241_003; // any constant private to reconciliation

export type Trigger = "cron" | "cli" | "manual";

export async function claimRun(db: Db, trigger: Trigger, recentDays?: number): Promise<{ run: ReconcileRun; resumed: boolean } | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    const now = new Date();
    const leased = new Date(now.getTime() + LEASE_MS);
    const open = await tx.reconcileRun.findFirst({ where: { status: "running" }, orderBy: { startedAt: "desc" } });
    if (open) {
      if (open.lockedUntil && open.lockedUntil > now) return null;
      return { run: await tx.reconcileRun.update({ where: { id: open.id }, data: { lockedUntil: leased } }), resumed: true };
    }
    const planned = await countSelected(tx, { asOf: now, recentDays });
    return { run: await tx.reconcileRun.create({ data: { trigger, startedAt: now, planned, lockedUntil: leased } }), resumed: false };
  });
}
