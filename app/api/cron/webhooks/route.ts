// GET /api/cron/webhooks – Vercel Cron: process stored deliveries that are due (new, retrying, or abandoned mid-way)
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { isCronAuthorized } from "@/lib/http/cron-auth";
import { processDeliveries } from "@/lib/webhooks/process-deliveries";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request) {
  if (!isCronAuthorized(request.headers, getConfig().cronSecret))
    return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  const summary = await processDeliveries(getDb(), { trigger: "sweeper", budgetMs: 50_000 });
  return Response.json({ ok: true, ...summary });
}
