// GET /api/smoke/latest – the newest smoke run with its steps, polled by the Go-live page while a run is in progress
import { withRole } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db/prisma";
import { latestSmokeRun, type LatestSmokeResponse } from "@/lib/smoke/read-smoke-runs";

export const dynamic = "force-dynamic";

export const GET = withRole("ops", async () =>
  Response.json({ run: await latestSmokeRun(getDb()) } satisfies LatestSmokeResponse),
);
