"use server";
// "Evaluate now" on the Alerts page: ops and above, no input, audited.
import { revalidatePath } from "next/cache";
import { alertCheckOptions, runAlertChecks, type AlertCheckResult } from "@/lib/alerts/run-alert-checks";
import { recordAudit } from "@/lib/audit/record-audit";
import { safeAction, type Refusal } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";

export type EvaluateResult = { ok: true; message: string } | Refusal;

const GENERIC_ERROR = "The alerts could not be evaluated. Try again; if it keeps happening, tell an engineer.";

const list = (rules: string[]) => (rules.length ? rules.join(", ") : "none");

function describe(r: AlertCheckResult): string {
  if (r.skipped) return "Another evaluation was running at that moment; the page shows its result.";
  const posted = r.notifications.failed
    ? ` Posting to the alert webhook failed; it is retried on the next evaluation.`
    : "";
  return `Evaluated: fired ${list(r.fired)}; resolved ${list(r.resolved)}; ${r.firing} firing now.${posted}`;
}

export async function evaluateAlertsAction(): Promise<EvaluateResult> {
  return safeAction("evaluateAlertsAction", "ops", GENERIC_ERROR, async (user) => {
    const db = getDb();
    const result = await runAlertChecks(db, alertCheckOptions(getConfig()));
    await recordAudit(db, {
      actorId: user.id,
      action: "alerts.evaluate",
      detail: { skipped: result.skipped, fired: result.fired, resolved: result.resolved, firing: result.firing },
    });
    revalidatePath("/alerts");
    return { ok: true, message: describe(result) };
  });
}
