// Requests that failed the webhook secret check over the last 24 hours, for
// ops to tell a misconfigured secret (steady wrong_secret from Points'
// addresses) from someone probing the endpoint (bursts from elsewhere).
import type { Db } from "@/lib/db/prisma";

export const HOURS = 24;
const TOP_SOURCES = 5;

export interface HourBucket {
  /** Start of the hour-long slice; buckets are oldest first and end at `now`. */
  start: string;
  total: number;
  byReason: Record<string, number>;
}

export interface VerificationStats {
  total: number;
  byReason: Array<{ reason: string; count: number }>;
  hours: HourBucket[];
  topSources: Array<{ sourceAddress: string | null; count: number }>;
}

export async function verificationStats(db: Db, now = new Date()): Promise<VerificationStats> {
  const since = new Date(now.getTime() - HOURS * 3_600_000);
  const [slices, sources] = await Promise.all([
    // hours_ago 0 is the hour that ends now
    db.$queryRaw<Array<{ hours_ago: number; reason: string; count: number }>>`
      SELECT floor(extract(epoch FROM (${now}::timestamptz - received_at)) / 3600)::int AS hours_ago, reason, count(*)::int AS count
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

  const hours: HourBucket[] = Array.from({ length: HOURS }, (_, i) => ({
    start: new Date(now.getTime() - (HOURS - i) * 3_600_000).toISOString(),
    total: 0,
    byReason: {},
  }));
  const reasons = new Map<string, number>();
  for (const { hours_ago, reason, count } of slices) {
    const bucket = hours[HOURS - 1 - Math.min(hours_ago, HOURS - 1)]!;
    bucket.total += count;
    bucket.byReason[reason] = (bucket.byReason[reason] ?? 0) + count;
    reasons.set(reason, (reasons.get(reason) ?? 0) + count);
  }
  return {
    total: [...reasons.values()].reduce((a, b) => a + b, 0),
    byReason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    hours,
    topSources: sources.map((s) => ({ sourceAddress: s.source_address, count: s.count })),
  };
}
