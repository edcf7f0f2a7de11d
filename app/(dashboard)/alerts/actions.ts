"use server";
// "Evaluate now" on the Alerts page: ops and above, no input, audited.
import { alertCheckOptions, runAlertChecks, type AlertCheckResult } from "@/lib/alerts/run-alert-checks";
import { staffAction } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";

const list = (rules: string[]) => (rules.length ? rules.join(", ") : "none");

function describe(r: AlertCheckResult): string {
  if (r.skipped) return "Another evaluation was running at that moment; the page shows its result.";
  const posted = r.notifications.failed
    ? ` Posting to the alert webhook failed; it is retried on the next evaluation.`
    : "";
  return `Evaluated: fired ${list(r.fired)}; resolved ${list(r.resolved)}; ${r.firing} firing now.${posted}`;
}

// The evaluation holds its own lock and posts to the alert webhook, so the audit entry follows it.
export const evaluateAlertsAction = staffAction(
  {
    name: "evaluateAlertsAction",
    role: "ops",
    genericMessage: "The alerts could not be evaluated. Try again; if it keeps happening, tell an engineer.",
    revalidate: ["/alerts"],
  },
  async ({ db, audit }) => {
    const result = await runAlertChecks(db, alertCheckOptions(getConfig()));
    await audit({
      action: "alerts.evaluate",
      detail: { skipped: result.skipped, fired: result.fired, resolved: result.resolved, firing: result.firing },
    });
    return { ok: true, message: describe(result) };
  },
);
