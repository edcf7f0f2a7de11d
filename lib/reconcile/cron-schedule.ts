// When the cron call has reconciliation work. Vercel calls /api/cron/reconcile
// every minute, and each call works for one slice of at most 45 s, so a run of
// 100,000 orders that needs several minutes finishes the same night instead of
// one 45 s slice a night. Most calls find nothing to do and answer at once: a
// run is started once a day, at the first call after RUN_HOUR_UTC, and
// continued by every call while it is `running`.
import type { Db } from "@/lib/db/prisma";

/** 00:00 UTC = 03:00 in Riyadh, the quietest hour for Saudi merchants. */
export const RUN_HOUR_UTC = 0;

/** The latest scheduled start at or before `now`. */
export function lastScheduledStart(now: Date, hourUtc = RUN_HOUR_UTC): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (at > now) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}

/** A new run is due when none (of any trigger) started since the latest scheduled start. */
export function isRunDue(lastStartedAt: Date | null, now: Date, hourUtc = RUN_HOUR_UTC): boolean {
  return lastStartedAt === null || lastStartedAt < lastScheduledStart(now, hourUtc);
}

export type CronStep = "continue" | "start" | "idle";

export async function cronStep(db: Db, now = new Date()): Promise<CronStep> {
  const latest = await db.reconcileRun.findFirst({
    orderBy: { startedAt: "desc" },
    select: { status: true, startedAt: true },
  });
  if (latest?.status === "running") return "continue";
  return isRunDue(latest?.startedAt ?? null, now) ? "start" : "idle";
}
