// Counts what the rules judge, each over its own window ending at `now`.
// Three statements, each a range over an indexed timestamp or status column,
// so an evaluation stays cheap however large the tables grow.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/prisma";
import { OUTAGE_REASONS } from "@/lib/webhooks/receiver-failures";
import { SPIKE_STATUSES, type AlertFacts, type SpikeStatus } from "./rules";
import type { AlertThresholds } from "./thresholds";

type Sql = Pick<Db, "$queryRaw">;

/**
 * A Points call's status class. No status means no answer (network error or
 * timeout). 3xx counts with 4xx: Points never redirects an API call, so one
 * means a wrong base URL, a fault on our side like a 4xx.
 */
export const statusClassSql = Prisma.sql`CASE WHEN status IS NULL THEN 'network' WHEN status < 300 THEN '2xx' WHEN status < 500 THEN '4xx' ELSE '5xx' END`;

/**
 * A read of one order Points does not know (reconciliation's, a re-check's):
 * "missing at Points", a finding of ours, not Points refusing a request.
 */
const unknownOrderSql = Prisma.sql`(method = 'GET' AND status = 404 AND path ~ '^/orders/[^/]+$')`;

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

export async function gatherFacts(db: Sql, now: Date, t: AlertThresholds, overdueMs: number): Promise<AlertFacts> {
  const since4xx = minutesBefore(now, t.points4xx.windowMinutes);
  const since5xx = minutesBefore(now, t.points5xx.windowMinutes);
  const sinceNetwork = minutesBefore(now, t.pointsNetwork.windowMinutes);
  const earliest = new Date(Math.min(since4xx.getTime(), since5xx.getTime(), sinceNetwork.getTime()));
  const [classes] = await db.$queryRaw<Array<{ c4xx: number; c5xx: number; network: number }>>`
    SELECT count(*) FILTER (WHERE created_at > ${since4xx}::timestamptz AND ${statusClassSql} = '4xx' AND NOT ${unknownOrderSql})::int AS c4xx,
           count(*) FILTER (WHERE created_at > ${since5xx}::timestamptz AND ${statusClassSql} = '5xx')::int AS c5xx,
           count(*) FILTER (WHERE created_at > ${sinceNetwork}::timestamptz AND ${statusClassSql} = 'network')::int AS network
      FROM points_api_calls
     WHERE created_at > ${earliest}::timestamptz AND created_at <= ${now}::timestamptz`;

  const spikeStart = minutesBefore(now, t.spike.windowMinutes);
  const baselineStart = minutesBefore(spikeStart, t.spike.baselineMinutes);
  const spikeRows = await db.$queryRaw<Array<{ status: SpikeStatus; recent: number; baseline: number }>>`
    SELECT status,
           count(*) FILTER (WHERE created_at > ${spikeStart}::timestamptz)::int AS recent,
           count(*) FILTER (WHERE created_at <= ${spikeStart}::timestamptz)::int AS baseline
      FROM points_api_calls
     WHERE status IN (${Prisma.join(SPIKE_STATUSES)}) AND created_at > ${baselineStart}::timestamptz AND created_at <= ${now}::timestamptz
     GROUP BY status`;
  const spikes = Object.fromEntries(SPIKE_STATUSES.map((s) => [s, { recent: 0, baseline: 0 }])) as AlertFacts["spikes"];
  for (const row of spikeRows) spikes[row.status] = { recent: row.recent, baseline: row.baseline };

  const [rest] = await db.$queryRaw<
    Array<{ receiver: number; verification: number; dead: number; overdue: number; differences: number }>
  >`
    SELECT (SELECT count(*) FROM receiver_failures
             WHERE reason IN (${Prisma.join(OUTAGE_REASONS)}) AND occurred_at > ${minutesBefore(now, t.receiver5xx.windowMinutes)}::timestamptz AND occurred_at <= ${now}::timestamptz)::int AS receiver,
           (SELECT count(*) FROM verification_failures
             WHERE received_at > ${minutesBefore(now, t.verificationFailures.windowMinutes)}::timestamptz AND received_at <= ${now}::timestamptz)::int AS verification,
           (SELECT count(*) FROM webhook_deliveries
             WHERE status = 'dead' AND received_at > ${minutesBefore(now, t.deadLetters.windowMinutes)}::timestamptz AND received_at <= ${now}::timestamptz)::int AS dead,
           (SELECT count(*) FROM action_intents
             WHERE awaiting_webhook AND sent_at > ${minutesBefore(now, t.overdueConfirmations.windowMinutes)}::timestamptz
               AND sent_at <= ${new Date(now.getTime() - overdueMs)}::timestamptz)::int AS overdue,
           (SELECT count(*) FROM reconcile_differences WHERE status = 'open')::int AS differences`;

  return {
    points: { "4xx": classes!.c4xx, "5xx": classes!.c5xx, network: classes!.network },
    spikes,
    receiver5xx: rest!.receiver,
    verificationFailures: rest!.verification,
    deadLetters: rest!.dead,
    overdueConfirmations: rest!.overdue,
    overdueMinutes: Math.round(overdueMs / 60_000),
    openDifferences: rest!.differences,
  };
}
