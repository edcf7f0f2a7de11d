// GET /api/cron/alerts – Vercel Cron, every minute: evaluate the alert rules and post what is due
import { alertCheckOptions, runAlertChecks } from "@/lib/alerts/run-alert-checks";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { isCronAuthorized } from "@/lib/http/cron-auth";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request) {
  const config = getConfig();
  if (!isCronAuthorized(request.headers, config.cronSecret))
    return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  const result = await runAlertChecks(getDb(), alertCheckOptions(config));
  return Response.json({ ok: true, ...result });
}
