// Webhook deliveries for the overview: received, failed and dead-lettered
// today and in the last 24 hours, failed verifications, and the queue's depth.
// Today (since midnight in Riyadh) always lies inside the last 24 hours, so one
// scan of the 24 h window counts both.
import type { Db } from "@/lib/db/prisma";
import type { WindowName, Windows } from "./windows";

export interface WindowCounts {
  received: number;
  failed: number;
  dead: number;
  verificationFailures: number;
}
export interface DeliveryFigures {
  windows: Record<WindowName, WindowCounts>;
  /** pending or processing now, whenever they arrived */
  queueDepth: number;
}

type Row = Record<"received" | "failed" | "dead" | "received_today" | "failed_today" | "dead_today", number>;

export async function deliveryFigures(db: Db, w: Windows): Promise<DeliveryFigures> {
  const [[d], [v], queueDepth] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT count(*)::int AS received,
             count(*) FILTER (WHERE status = 'failed')::int AS failed,
             count(*) FILTER (WHERE status = 'dead')::int AS dead,
             count(*) FILTER (WHERE received_at >= ${w.today})::int AS received_today,
             count(*) FILTER (WHERE received_at >= ${w.today} AND status = 'failed')::int AS failed_today,
             count(*) FILTER (WHERE received_at >= ${w.today} AND status = 'dead')::int AS dead_today
        FROM webhook_deliveries
       WHERE received_at >= ${w.last24h} AND received_at <= ${w.now}`,
    db.$queryRaw<Array<{ last24h: number; today: number }>>`
      SELECT count(*)::int AS last24h, count(*) FILTER (WHERE received_at >= ${w.today})::int AS today
        FROM verification_failures
       WHERE received_at >= ${w.last24h} AND received_at <= ${w.now}`,
    db.webhookDelivery.count({ where: { status: { in: ["pending", "processing"] } } }),
  ]);
  return {
    windows: {
      today: {
        received: d!.received_today,
        failed: d!.failed_today,
        dead: d!.dead_today,
        verificationFailures: v!.today,
      },
      last24h: { received: d!.received, failed: d!.failed, dead: d!.dead, verificationFailures: v!.last24h },
    },
    queueDepth,
  };
}
