// Requests that failed the webhook secret check over the last 24 hours, for
// ops to tell a misconfigured secret (steady wrong_secret from Points'
// addresses) from someone probing the endpoint (bursts from elsewhere).
import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { bucketByHour, hourlyRange, hoursAgoSql, type HourBucket, type HourRow } from "@/lib/db/hourly-counts";

export { HOURS } from "@/lib/db/hourly-counts";
const TOP_SOURCES = 5;

export interface VerificationStats {
  total: number;
  byReason: Array<{ reason: string; count: number }>;
  /** Failures per hour, by reason. */
  hours: HourBucket[];
  topSources: Array<{ sourceAddress: string | null; count: number }>;
}

export async function verificationStats(db: Db, now = new Date()): Promise<VerificationStats> {
  const { since } = hourlyRange(now);
  const [slices, sources] = await Promise.all([
    db.$queryRaw<Array<HourRow<string>>>`
      SELECT ${hoursAgoSql(now, Prisma.sql`received_at`)} AS hours_ago, reason AS key, count(*)::int AS count
        FROM verification_failures
       WHERE received_at > ${since}::timestamptz AND received_at <= ${now}::timestamptz
       GROUP BY 1, 2`,
    db.$queryRaw<Array<{ source_address: string | null; count: number }>>`
      SELECT source_address, count(*)::int AS count
        FROM verification_failures
       WHERE received_at > ${since}::timestamptz AND received_at <= ${now}::timestamptz
       GROUP BY 1
       ORDER BY 2 DESC, 1
       LIMIT ${TOP_SOURCES}`,
  ]);

  const reasons = new Map<string, number>();
  for (const { key, count } of slices) reasons.set(key, (reasons.get(key) ?? 0) + count);
  return {
    total: [...reasons.values()].reduce((a, b) => a + b, 0),
    byReason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    hours: bucketByHour(now, slices),
    topSources: sources.map((s) => ({ sourceAddress: s.source_address, count: s.count })),
  };
}
