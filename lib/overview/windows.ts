// The two windows the overview counts over: today (since midnight in Riyadh)
// and the last 24 hours, both ending now.
import { riyadhMidnight } from "@/lib/i18n/format";

export interface Windows {
  now: Date;
  today: Date;
  last24h: Date;
}
export type WindowName = "today" | "last24h";

export function overviewWindows(now: Date): Windows {
  return { now, today: riyadhMidnight(now), last24h: new Date(now.getTime() - 24 * 3_600_000) };
}

/** A window's start as the delivery log's `from` filter reads it: Riyadh wall-clock time to the minute. */
export function riyadhLocalMinute(instant: Date): string {
  return new Date(instant.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
}
