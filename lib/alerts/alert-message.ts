// What an alert says, as catalogue messages (namespace "Alerts") built from
// its rule and the counts it stored in `detail`: the Alerts page words them in
// each reader's language, the outbound post in the configured one, and the
// stored `summary` keeps the English wording for older readers of the table.
import type { Locale } from "@/lib/i18n/locales";
import { message, translator, type Message } from "@/lib/i18n/message";

const SPIKE = /^points_spike_(\d{3})$/;

const windowOf = (minutes: number): Message =>
  minutes % 60 === 0 ? message("windowHours", { hours: minutes / 60 }) : message("window", { minutes });
/** A length of time on its own ("1 h", "12 min"). */
const durationOf = (minutes: number): Message =>
  minutes % 60 === 0 ? message("duration.hours", { hours: minutes / 60 }) : message("duration.minutes", { minutes });

export function ruleTitle(rule: string): Message {
  const spike = SPIKE.exec(rule);
  return spike ? message("rules.points_spike", { status: spike[1]! }) : message(`rules.${rule}`);
}

type Detail = Record<string, unknown>;
const num = (d: Detail, key: string) => (typeof d[key] === "number" ? d[key] : null);

/** The alert's one-line summary from its stored detail; null when the detail lacks what the wording needs (old rows). */
export function alertSummary(rule: string, detail: unknown): Message | null {
  if (typeof detail !== "object" || detail === null) return null;
  const d = detail as Detail;
  const minCount = num(d, "minCount");
  if (minCount === null) return null;
  const spike = SPIKE.exec(rule);
  if (spike) {
    const [recent, baseline, windowMinutes, baselineMinutes, factor] = [
      "recent",
      "baseline",
      "windowMinutes",
      "baselineMinutes",
      "factor",
    ].map((k) => num(d, k));
    if ([recent, baseline, windowMinutes, baselineMinutes, factor].some((v) => v === null)) return null;
    const baselineRate = baseline! / baselineMinutes!;
    const values = {
      status: spike[1]!,
      recent: recent!,
      baseline: baseline!,
      window: windowOf(windowMinutes!),
      baselineWindow: durationOf(baselineMinutes!),
      minCount,
      factor: factor!,
    };
    return baselineRate > 0
      ? message("summaries.points_spike", {
          ...values,
          ratio: Math.round((recent! / windowMinutes! / baselineRate) * 10) / 10,
        })
      : message("summaries.points_spike_new", values);
  }
  const count = num(d, "count");
  if (count === null) return null;
  const windowMinutes = num(d, "windowMinutes");
  const overdueMinutes = num(d, "overdueMinutes");
  return message(`summaries.${rule}`, {
    count,
    minCount,
    ...(windowMinutes !== null ? { window: windowOf(windowMinutes) } : {}),
    ...(overdueMinutes !== null ? { overdueMinutes } : {}),
  });
}

/** The languages outbound alert posts are written in (ALERT_LANGUAGE): one, or both (English, then Arabic). */
export type AlertLanguage = Locale | "both";
export const postLocales = (language: AlertLanguage): Locale[] => (language === "both" ? ["en", "ar"] : [language]);

const english = translator("en", "Alerts");
/** The English wording, as stored in `alerts.summary`. */
export const inEnglish = (m: Message) => english(m);
