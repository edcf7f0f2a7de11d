// "Run now" from the page. A run can take longer than any one request may
// live (a serverless function is cut at its maxDuration, a browser gives up,
// a deploy restarts the server), so it is never tied to one: each request
// answers at once and works on the run for one bounded slice (SLICE_MS) after
// its response (`later` is Next's after()). The page's poll keeps it going:
// every poll reports the progress saved so far, and when no invocation holds
// the run's lease — the last slice used up its budget — it starts the next
// slice. The lease makes sure only one slice works at a time, however many
// tabs poll; a run nobody polls any more stays `running` and the next poll,
// "Run now" or cron call continues it from its cursor. This keeps the Points
// reads of a run on the adaptive concurrency of runReconciliation and needs no
// queue or worker beyond what the cron already uses.
import type { Db } from "@/lib/db/prisma";
import { getLogger } from "@/lib/log/logger";
import type { PointsClient } from "@/lib/points/client";
import { claimRun } from "./claim-run";
import { currentRunProgress, readRunProgress, toRunProgress, type RunProgress } from "./list-reconciliation";
import { continueRun, runReconciliation, type ReconcileSummary } from "./run-reconciliation";

/** Well below the 60 s maxDuration of the page and route: orders started before it ends are finished and saved. */
export const SLICE_MS = 15_000;

export type Later = (task: () => Promise<void>) => void;

type Deps = { db: Db; client: Pick<PointsClient, "getOrder"> };

function inBackground(later: Later, slice: () => Promise<ReconcileSummary>) {
  later(async () => {
    // runReconciliation records its own failures on the run; this only catches a database that went away.
    await slice().catch((err: unknown) => getLogger().error({ err }, "reconciliation slice failed"));
  });
}

export type StartResult =
  | { started: true; resumed: boolean; run: RunProgress }
  /** A run is being worked on already (cron, another tab); `run` is its progress. */
  | { started: false; run: RunProgress | null };

export async function startSlicedRun(deps: Deps, later: Later, sliceMs = SLICE_MS): Promise<StartResult> {
  const claimed = await claimRun(deps.db, "manual");
  if (!claimed) return { started: false, run: await currentRunProgress(deps.db) };
  inBackground(later, () => continueRun(deps, claimed, { budgetMs: sliceMs }));
  return { started: true, resumed: claimed.resumed, run: toRunProgress(claimed.run) };
}

/** The run's progress now; when nobody is working on it, the next slice starts after the answer. */
export async function advanceSlicedRun(
  deps: Deps,
  runId: string,
  later: Later,
  sliceMs = SLICE_MS,
): Promise<RunProgress | null> {
  const progress = await readRunProgress(deps.db, runId);
  if (!progress || progress.status !== "running" || progress.working) return progress;
  inBackground(later, () => runReconciliation(deps, { trigger: "manual", runId, budgetMs: sliceMs }));
  return { ...progress, working: true };
}
