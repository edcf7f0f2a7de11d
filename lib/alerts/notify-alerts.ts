// Posts alerts to ALERT_WEBHOOK_URL as Slack-compatible JSON ({"text": …}):
// once when an alert fires and once when it resolves. Throttled: a new alert of
// a rule is held back while anything was posted for that rule within
// `perRuleMinutes` (a flapping rule posts once, and its held-back alert is
// posted later if it still fires), and no more than `perMinute` posts go out
// per minute overall. A resolution is posted only for an alert whose firing
// was. A failed post is kept in notify_error and tried again on a later run;
// the first failure ends the run, since the receiver is probably down.
import type { Db } from "@/lib/db/prisma";
import { message, translator } from "@/lib/i18n/message";
import { alertSummary, postLocales, ruleTitle, type AlertLanguage } from "./alert-message";
import { loadThresholds } from "./thresholds";

export interface NotifyOptions {
  url: string | undefined;
  /** ALERT_LANGUAGE; English when unset. */
  language?: AlertLanguage;
  now?: Date;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface NotifySummary {
  sent: number;
  failed: number;
  throttled: number;
}

interface Candidate {
  id: bigint;
  rule: string;
  state: "firing" | "resolved";
  severity: string;
  summary: string;
  detail: unknown;
  fired_at: Date;
  resolved_at: Date | null;
}

const NONE: NotifySummary = { sent: 0, failed: 0, throttled: 0 };
const DEFAULT_TIMEOUT_MS = 5_000;
// Stop starting posts after this long, well inside the transaction's timeout.
const RUN_BUDGET_MS = 30_000;
// Alerts older than this are not notified any more (a post that failed for a week is history).
const NOTIFY_WITHIN_MS = 7 * 24 * 3_600_000;

const lasted = (ms: number) =>
  ms < 3_600_000
    ? message("duration.minutes", { minutes: Math.max(1, Math.round(ms / 60_000)) })
    : message("duration.hours", { hours: Math.round(ms / 360_000) / 10 });

/** The post, in each configured language (one paragraph each); times are Riyadh time, labelled. */
export function alertText(
  a: Pick<Candidate, "rule" | "state" | "severity" | "summary" | "detail" | "fired_at" | "resolved_at">,
  language: AlertLanguage = "en",
): string {
  const summaryOf = alertSummary(a.rule, a.detail);
  return postLocales(language)
    .map((locale) => {
      const say = translator(locale, "Alerts");
      const values = {
        title: ruleTitle(a.rule),
        // A row stored before its detail carried every count keeps its stored (English) summary.
        summary: summaryOf ?? a.summary,
        since: a.fired_at,
      };
      if (a.state === "firing")
        return say(message("post.firing", { ...values, severity: message(`state.${a.severity}`) }));
      const resolvedAt = a.resolved_at ?? a.fired_at;
      return say(
        message("post.resolved", {
          ...values,
          duration: lasted(resolvedAt.getTime() - a.fired_at.getTime()),
          until: resolvedAt,
        }),
      );
    })
    .join("\n\n");
}

/** Posts one text; answers null or what went wrong, in words without the URL (it is a credential). */
export async function postAlert(
  url: string,
  text: string,
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<string | null> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const response = await (opts.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    await response.body?.cancel();
    return response.ok ? null : `the alert webhook answered HTTP ${response.status}`;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError")
      return `the alert webhook did not answer within ${timeoutMs / 1000} s`;
    const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    return `the alert webhook could not be reached${typeof code === "string" ? ` (${code})` : ""}`;
  }
}

export async function notifyAlerts(db: Db, opts: NotifyOptions): Promise<NotifySummary> {
  const url = opts.url;
  if (!url) return NONE;
  const now = opts.now ?? new Date();
  const started = Date.now();
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`
        SELECT pg_try_advisory_xact_lock(hashtext('points-ops:alerts:notify')) AS locked`;
      if (!lock?.locked) return NONE;
      const { notifications: limits } = await loadThresholds(tx);

      const candidates = await tx.$queryRaw<Candidate[]>`
        SELECT id, rule, state::text AS state, severity, summary, detail, fired_at, resolved_at
          FROM alerts
         WHERE fired_at > ${new Date(now.getTime() - NOTIFY_WITHIN_MS)}::timestamptz
           AND ((state = 'firing' AND notified_at IS NULL) OR (state = 'resolved' AND notified_at < resolved_at))
         ORDER BY state = 'resolved', fired_at, id`;
      if (candidates.length === 0) return NONE;

      const [{ posted } = { posted: 0 }] = await tx.$queryRaw<Array<{ posted: number }>>`
        SELECT count(*)::int AS posted FROM alerts WHERE notified_at > ${new Date(now.getTime() - 60_000)}::timestamptz`;
      const lastPosts = await tx.$queryRaw<Array<{ rule: string }>>`
        SELECT DISTINCT rule FROM alerts WHERE notified_at > ${new Date(now.getTime() - limits.perRuleMinutes * 60_000)}::timestamptz`;
      const ruleRecentlyPosted = new Set(lastPosts.map((r) => r.rule));

      const summary = { ...NONE };
      let budget = limits.perMinute - posted;
      for (const alert of candidates) {
        const heldBack = alert.state === "firing" && ruleRecentlyPosted.has(alert.rule);
        if (heldBack || budget <= 0 || Date.now() - started > RUN_BUDGET_MS) {
          summary.throttled++;
          continue;
        }
        budget--;
        const error = await postAlert(url, alertText(alert, opts.language), opts);
        if (error) {
          await tx.alert.update({ where: { id: alert.id }, data: { notifyError: error } });
          summary.failed++;
          summary.throttled += candidates.length - summary.sent - summary.failed - summary.throttled;
          break;
        }
        await tx.alert.update({ where: { id: alert.id }, data: { notifiedAt: now, notifyError: null } });
        ruleRecentlyPosted.add(alert.rule);
        summary.sent++;
      }
      return summary;
    },
    { maxWait: 10_000, timeout: RUN_BUDGET_MS + 2 * (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) },
  );
}
