// GET /api/cron/webhooks – Vercel Cron: process stored deliveries that are due (new, retrying, or abandoned mid-way)
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { isCronAuthorized } from "@/lib/http/cron-auth";
import { getLogger } from "@/lib/log/logger";
import { processDeliveries } from "@/lib/webhooks/process-deliveries";
import { storeFailureReason } from "@/lib/webhooks/receiver-failures";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request) {
  if (!isCronAuthorized(request.headers, getConfig().cronSecret))
    return Response.json({ ok: false, error: "unauthorized" }, { status: 401 });
  try {
    const summary = await processDeliveries(getDb(), { trigger: "sweeper", budgetMs: 50_000 });
    return Response.json({ ok: true, ...summary });
  } catch (error) {
    // Nothing is lost: this round's claims lapse and the next round takes them again. The log names the
    // failure as the receiver's classifier does, never the error's text (it can quote the row it failed on).
    const reason = storeFailureReason(error);
    getLogger().warn({ reason }, "webhook sweep stopped early");
    return Response.json(
      { ok: false, reason, error: "the sweep stopped early; the next round takes its deliveries again" },
      { status: 503 },
    );
  }
}
