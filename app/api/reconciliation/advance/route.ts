// POST /api/reconciliation/advance – a run's progress for the page's poll; continues the run for one slice when nobody is working on it (lib/reconcile/run-in-slices.ts)
import { after } from "next/server";
import { z } from "zod";
import { badRequest, withRole } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db/prisma";
import { getPointsClient } from "@/lib/points/get-points-client";
import type { RunProgress } from "@/lib/reconcile/list-reconciliation";
import { advanceSlicedRun } from "@/lib/reconcile/run-in-slices";

export const dynamic = "force-dynamic";
// The slice runs after the answer, inside this invocation.
export const maxDuration = 60;

export type AdvanceResponse = { ok: true; run: RunProgress };

const body = z.object({ runId: z.uuid("runId must be a run id") });

export const POST = withRole("ops", async (request) => {
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest(parsed.error.issues[0]?.message ?? 'Send {"runId": "…"}.');
  const run = await advanceSlicedRun({ db: getDb(), client: getPointsClient() }, parsed.data.runId, after);
  if (!run) return Response.json({ ok: false, error: "This run does not exist." }, { status: 404 });
  return Response.json({ ok: true, run } satisfies AdvanceResponse);
});
