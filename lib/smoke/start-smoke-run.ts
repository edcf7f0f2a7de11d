// One smoke run at a time: starting is serialised by an advisory lock (and a
// unique index on the running run), and a run still `running` refuses a second
// one. The process running the flows holds the run's lease, renewed at every
// step; a run whose process died or stalled (a redeploy, a function cut off at
// its time limit, a frozen VM) would block forever, so once its lease has run
// out (STALE_RUN_MS without a step) it is closed as failed — and its process,
// should it wake, finds the run closed at its next write and stops
// (execute-smoke-run.ts).
import type { Db } from "@/lib/db/prisma";
import { smokeDetail } from "./smoke-detail";
import { SMOKE_FLOWS } from "./smoke-flow";

export const STALE_RUN_MS = 10 * 60_000;
const LOCK_KEY = 7_241_017; // any constant private to smoke runs

export const smokeLease = (now = new Date()) => new Date(now.getTime() + STALE_RUN_MS);

export type StartResult =
  | { ok: true; runId: string }
  | { ok: false; runId: string; message: string; notice: { key: "GoLive.smoke.alreadyRunning" } };

export async function startSmokeRun(
  db: Db,
  opts: { trigger: "cli" | "manual"; environment: string; startedById: string | null },
  now = new Date(),
): Promise<StartResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    // The run first, as its process locks it first (execute-smoke-run.ts); re-checked under that lock.
    const stale = await tx.smokeRun.updateManyAndReturn({
      where: {
        status: "running",
        OR: [
          { lockedUntil: { lt: now } },
          { lockedUntil: null, startedAt: { lt: new Date(now.getTime() - STALE_RUN_MS) } },
        ],
      },
      data: { status: "failed", finishedAt: now },
      select: { id: true },
    });
    if (stale.length) {
      const ended = smokeDetail("processEnded");
      await tx.smokeStep.updateMany({
        where: { runId: { in: stale.map((r) => r.id) }, status: { in: ["pending", "running"] } },
        data: { status: "failed", detail: ended.text, detailNotice: ended.notice, finishedAt: now },
      });
    }
    const running = await tx.smokeRun.findFirst({ where: { status: "running" }, orderBy: { startedAt: "desc" } });
    if (running)
      return {
        ok: false,
        runId: running.id,
        message: "A smoke run is already in progress; its progress is shown below. Start another once it has finished.",
        notice: { key: "GoLive.smoke.alreadyRunning" },
      };
    const run = await tx.smokeRun.create({
      data: {
        trigger: opts.trigger,
        environment: opts.environment,
        startedById: opts.startedById,
        startedAt: now,
        lockedUntil: smokeLease(now),
        steps: { create: SMOKE_FLOWS.map((flow) => ({ flow })) },
      },
    });
    return { ok: true, runId: run.id };
  });
}
