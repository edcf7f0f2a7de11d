// Smoke runs as the Go-live page and its polling route show them.
import type { Db } from "@/lib/db/prisma";
import { storedSmokeDetail, type SmokeDetailNotice } from "./smoke-detail-notice";
import { SMOKE_FLOWS, type SmokeFlowId } from "./smoke-flow";

export interface SmokeStepView {
  flow: SmokeFlowId;
  status: string;
  /** In English, as written; what the page shows for steps stored before `detailNotice`. */
  detail: string | null;
  detailNotice: SmokeDetailNotice | null;
  durationMs: number | null;
  finishedAt: string | null;
}

export interface SmokeRunView {
  id: string;
  status: "running" | "passed" | "failed";
  trigger: string;
  environment: string;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string | null;
  steps: SmokeStepView[];
}

// What GET /api/smoke/latest answers (the Go-live page polls it).
export type LatestSmokeResponse = { run: SmokeRunView | null };

const order = (flow: string) => SMOKE_FLOWS.indexOf(flow as SmokeFlowId);

async function view(
  db: Db,
  where: { id?: string; status?: { not: "running" }; environment?: string },
): Promise<SmokeRunView | null> {
  const run = await db.smokeRun.findFirst({ where, orderBy: { startedAt: "desc" }, include: { steps: true } });
  if (!run) return null;
  const by = run.startedById
    ? await db.user.findUnique({ where: { id: run.startedById }, select: { name: true } })
    : null;
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    environment: run.environment,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    startedBy: by?.name ?? null,
    steps: run.steps
      .sort((a, b) => order(a.flow) - order(b.flow))
      .map((s) => ({
        flow: s.flow as SmokeFlowId,
        status: s.status,
        detail: s.detail,
        detailNotice: storedSmokeDetail(s.detailNotice),
        durationMs: s.durationMs,
        finishedAt: s.finishedAt?.toISOString() ?? null,
      })),
  };
}

export const latestSmokeRun = (db: Db) => view(db, {});
/** `environment` as smokeEnvironment() names it: a sandbox run proves nothing about production. */
export const latestFinishedSmokeRun = (db: Db, environment: string) =>
  view(db, { status: { not: "running" }, environment });
export const getSmokeRun = (db: Db, id: string) => view(db, { id });
