// The Alerts page's two charts: Points responses by status class and webhook
// outcomes, per hour over the last 24 hours.
import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { bucketByHour, hourlyRange, hoursAgoSql, type HourBucket, type HourRow } from "@/lib/db/hourly-counts";
import { statusClassSql } from "./gather-facts";

export const POINTS_CLASSES = ["2xx", "4xx", "5xx", "network"] as const;
export type PointsClass = (typeof POINTS_CLASSES)[number];

/** Delivery statuses as they stand now, by when the delivery arrived; "unverified" are failed secret checks. */
export const WEBHOOK_OUTCOMES = ["processed", "failed", "dead", "rejected", "unverified"] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

export interface AlertCharts {
  points: Array<HourBucket<PointsClass>>;
  webhooks: Array<HourBucket<WebhookOutcome>>;
}

export async function alertCharts(db: Db, now = new Date()): Promise<AlertCharts> {
  const { since } = hourlyRange(now);
  const [points, deliveries, unverified] = await Promise.all([
    db.$queryRaw<Array<HourRow<PointsClass>>>`
      SELECT ${hoursAgoSql(now, Prisma.sql`created_at`)} AS hours_ago, ${statusClassSql} AS key, count(*)::int AS count
        FROM points_api_calls
       WHERE created_at > ${since}::timestamptz AND created_at <= ${now}::timestamptz
       GROUP BY 1, 2`,
    db.$queryRaw<Array<HourRow<WebhookOutcome>>>`
      SELECT ${hoursAgoSql(now, Prisma.sql`received_at`)} AS hours_ago, status::text AS key, count(*)::int AS count
        FROM webhook_deliveries
       WHERE received_at > ${since}::timestamptz AND received_at <= ${now}::timestamptz
         AND status IN ('processed', 'failed', 'dead', 'rejected')
       GROUP BY 1, 2`,
    db.$queryRaw<Array<HourRow<WebhookOutcome>>>`
      SELECT ${hoursAgoSql(now, Prisma.sql`received_at`)} AS hours_ago, 'unverified' AS key, count(*)::int AS count
        FROM verification_failures
       WHERE received_at > ${since}::timestamptz AND received_at <= ${now}::timestamptz
       GROUP BY 1`,
  ]);
  return { points: bucketByHour(now, points), webhooks: bucketByHour(now, [...deliveries, ...unverified]) };
}
