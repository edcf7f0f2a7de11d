"use server";
// "Evaluate now" on the Alerts page: ops and above, no input, audited.
import { alertCheckOptions, runAlertChecks } from "@/lib/alerts/run-alert-checks";
import { staffAction } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";

// The evaluation holds its own lock and posts to the alert webhook, so the audit entry follows it.
// It answers what happened (rule ids and counts); the page says it in the reader's language.
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
    return {
      ok: true,
      skipped: result.skipped,
      fired: result.fired,
      resolved: result.resolved,
      firing: result.firing,
      postFailed: result.notifications.failed > 0,
    };
  },
);
