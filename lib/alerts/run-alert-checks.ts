// One round of alerting, the same wherever it runs (npm start's loop, the
// Vercel cron route, "Evaluate now"): record receiver failures noted while the
// database was away, evaluate the rules, then post what is due. A post that
// fails or hangs cannot undo or hold back the evaluation: that is committed first.
import type { Config } from "@/lib/config/env";
import type { Db } from "@/lib/db/prisma";
import { flushReceiverFailures } from "@/lib/webhooks/receiver-failures";
import type { AlertLanguage } from "./alert-message";
import { evaluateAlerts, type EvaluationResult } from "./evaluate-alerts";
import { notifyAlerts, type NotifySummary } from "./notify-alerts";

export interface AlertCheckOptions {
  webhookUrl: string | undefined;
  language?: AlertLanguage;
  overdueMs: number;
  now?: Date;
}

export type AlertCheckResult = EvaluationResult & { notifications: NotifySummary };

export const alertCheckOptions = (config: Config): AlertCheckOptions => ({
  webhookUrl: config.alertWebhookUrl,
  language: config.alertLanguage,
  overdueMs: config.confirmationOverdueMs,
});

export async function runAlertChecks(db: Db, opts: AlertCheckOptions): Promise<AlertCheckResult> {
  await flushReceiverFailures();
  const evaluation = await evaluateAlerts(db, opts);
  const notifications = await notifyAlerts(db, { url: opts.webhookUrl, language: opts.language, now: opts.now });
  return { ...evaluation, notifications };
}
