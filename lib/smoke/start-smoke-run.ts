// One smoke run at a time: starting is serialised by an advisory lock, and a
// run still `running` refuses a second one. A run whose process died (a
// redeploy, a function cut off at its time limit) would block forever, so
// after STALE_RUN_MS it is closed as failed.
import type { Db } from "@/lib/db/prisma";
import { SMOKE_FLOWS } from "./smoke-flow";

export const STALE_RUN_MS = 10 * 60_000;
const LOCK_KEY = 7_241_017; // any constant private to smoke runs

export type StartResult = { ok: true; runId: string } | { ok: false; runId: string; message: string };

export async function startSmokeRun(
  db: Db,
  opts: { trigger: "cli" | "manual"; environment: string; startedById: string | null },
  now = new Date(),
): Promise<StartResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    const staleBefore = new Date(now.getTime() - STALE_RUN_MS);
    const stale = await tx.smokeRun.findMany({
      where: { status: "running", startedAt: { lt: staleBefore } },
      select: { id: true },
    });
    if (stale.length) {
      const ids = stale.map((r) => r.id);
      await tx.smokeStep.updateMany({
        where: { runId: { in: ids }, status: { in: ["pending", "running"] } },
        data: {
          status: "failed",
          detail: "The run stopped before this flow finished (its process ended).",
          finishedAt: now,
        },
      });
      await tx.smokeRun.updateMany({ where: { id: { in: ids } }, data: { status: "failed", finishedAt: now } });
    }
    const running = await tx.smokeRun.findFirst({ where: { status: "running" }, orderBy: { startedAt: "desc" } });
    if (running)
      return {
        ok: false,
        runId: running.id,
        message: "A smoke run is already in progress; its progress is shown below. Start another once it has finished.",
      };
    const run = await tx.smokeRun.create({
      data: {
        trigger: opts.trigger,
        environment: opts.environment,
        startedById: opts.startedById,
        startedAt: now,
        steps: { create: SMOKE_FLOWS.map((flow) => ({ flow })) },
      },
    });
    return { ok: true, runId: run.id };
  });
}
