// Counts per hour over the last 24 hours, for the small charts on the Webhooks
// and Alerts pages. SQL groups rows by `hoursAgo` (0 = the hour ending now);
// bucketByHour lays them out oldest first, every hour present.
import { Prisma } from "@/lib/generated/prisma/client";

export const HOURS = 24;

export interface HourBucket<K extends string = string> {
  /** Start of the hour-long slice; buckets are oldest first and end at `now`. */
  start: string;
  total: number;
  counts: Partial<Record<K, number>>;
}

export interface HourRow<K extends string> {
  hours_ago: number;
  key: K;
  count: number;
}

export const hourlyRange = (now: Date) => ({ since: new Date(now.getTime() - HOURS * 3_600_000), now });

/** The row's hours before `now`, as an int; `column` is a timestamptz column. */
export const hoursAgoSql = (now: Date, column: Prisma.Sql) =>
  Prisma.sql`floor(extract(epoch FROM (${now}::timestamptz - ${column})) / 3600)::int`;

export function bucketByHour<K extends string>(now: Date, rows: Array<HourRow<K>>): Array<HourBucket<K>> {
  const hours: Array<HourBucket<K>> = Array.from({ length: HOURS }, (_, i) => ({
    start: new Date(now.getTime() - (HOURS - i) * 3_600_000).toISOString(),
    total: 0,
    counts: {},
  }));
  for (const { hours_ago, key, count } of rows) {
    const bucket = hours[HOURS - 1 - Math.min(hours_ago, HOURS - 1)]!;
    bucket.total += count;
    bucket.counts[key] = (bucket.counts[key] ?? 0) + count;
  }
  return hours;
}
