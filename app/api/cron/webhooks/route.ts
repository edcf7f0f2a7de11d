// GET /api/cron/webhooks – Vercel Cron: process stored deliveries that are due (new, retrying, or abandoned mid-way)
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { isCronAuthorized } from "@/lib/http/cron-auth";
import { getLogger } from "@/lib/log/logger";
import { processDeliveries } from "@/lib/webhooks/process-deliveries";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request) {
  if (!isCronAuthorized(request.headers, getConfig().cronSecret))
    return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  try {
    const summary = await processDeliveries(getDb(), { trigger: "sweeper", budgetMs: 50_000 });
    return Response.json({ ok: true, ...summary });
  } catch (error) {
    // A busy or unreachable database: nothing is lost (claims lapse and are taken again), and the next round retries.
    // Only the error's kind: a database error's text can quote the row it failed on.
    const code = (error as { code?: unknown }).code;
    getLogger().warn({ error: error instanceof Error ? error.name : "unknown", code }, "webhook sweep stopped early");
    return Response.json({ ok: false, error: "the database did not answer; the next round retries" }, { status: 503 });
  }
}
