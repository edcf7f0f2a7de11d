// GET /api/cron/reconcile – Vercel Cron, every minute: starts the nightly run when due, continues a
// running one for one slice (lib/reconcile/cron-schedule.ts), otherwise answers at once
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { isCronAuthorized } from "@/lib/http/cron-auth";
import { getLogger } from "@/lib/log/logger";
import { getPointsClient } from "@/lib/points/get-points-client";
import { cronStep } from "@/lib/reconcile/cron-schedule";
import { runReconciliation } from "@/lib/reconcile/run-reconciliation";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

// Below maxDuration: orders already started are finished and saved after the budget ends.
const BUDGET_MS = 45_000;

export async function GET(request: Request) {
  if (!isCronAuthorized(request.headers, getConfig().cronSecret))
    return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  if ((await cronStep(getDb())) === "idle") return Response.json({ ok: true, status: "idle" });
  const summary = await runReconciliation(
    { db: getDb(), client: getPointsClient() },
    { trigger: "cron", budgetMs: BUDGET_MS },
  );
  const { startedAt, finishedAt, ...counts } = summary;
  getLogger().info(
    { reconcile: { ...counts, startedAt: startedAt?.toISOString(), finishedAt: finishedAt?.toISOString() } },
    "reconciliation invocation",
  );
  return Response.json(
    { ok: summary.status !== "failed", ...summary },
    { status: summary.status === "failed" ? 500 : 200 },
  );
}
