// An order's history in one list: webhook deliveries (placed at Points' own
// time, with late arrivals marked), staff actions, Points API calls, and what
// reconciliation found (differences with Points, lifecycle flags), each at the
// time it was found and with its state now (open, healed, explained).
import type { Db } from "@/lib/db/prisma";
import { orderFlags, type FlagRow } from "@/lib/lifecycle/list-flags";
import { toDifferenceRow, type DifferenceRow } from "@/lib/reconcile/list-differences";
import { orderNumberTarget } from "@/lib/orders/staff-requests";

export type TimelineEntry =
  | {
      kind: "webhook";
      at: Date;
      id: string;
      event: string | null;
      status: string;
      receivedAt: Date;
      /** received after a delivery that carried a newer snapshot of this order */
      arrivedLate: boolean;
      duplicateCount: number;
      rawBody: string;
    }
  | { kind: "action"; at: Date; id: string; action: string; actor: string | null; detail: unknown }
  | {
      kind: "api_call";
      at: Date;
      id: string;
      method: string;
      path: string;
      status: number | null;
      ok: boolean;
      latencyMs: number;
      errorMessage: string | null;
      attempt: number;
    }
  | { kind: "difference"; at: Date; id: string; difference: DifferenceRow }
  | { kind: "lifecycle_flag"; at: Date; id: string; flag: FlagRow };

export async function orderTimeline(db: Db, pointsUuid: string, limit = 500): Promise<TimelineEntry[]> {
  // Staff requests made before Points gave the order a uuid (payment links) are audited by order number.
  const order = await db.order.findUnique({ where: { pointsUuid }, select: { orderNumber: true } });
  const targets = order ? [pointsUuid, orderNumberTarget(order.orderNumber)] : [pointsUuid];
  const [deliveries, audit, calls, differences, flags] = await Promise.all([
    db.webhookDelivery.findMany({
      where: { pointsOrderUuid: pointsUuid },
      orderBy: { receivedAt: "asc" },
      take: limit,
      select: {
        id: true,
        event: true,
        status: true,
        receivedAt: true,
        pointsUpdatedAt: true,
        duplicateCount: true,
        rawBody: true,
      },
    }),
    db.auditLog.findMany({
      where: { target: { in: targets } },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { name: true, email: true } } },
    }),
    db.pointsApiCall.findMany({
      where: { orderUuid: pointsUuid },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: {
        id: true,
        method: true,
        path: true,
        status: true,
        ok: true,
        latencyMs: true,
        errorMessage: true,
        attempt: true,
        createdAt: true,
      },
    }),
    db.reconcileDifference.findMany({ where: { orderUuid: pointsUuid }, orderBy: { createdAt: "asc" }, take: limit }),
    orderFlags(db, pointsUuid, limit),
  ]);

  let newestSeen = 0;
  const entries: TimelineEntry[] = deliveries.map((d) => {
    const pointsTime = d.pointsUpdatedAt?.getTime() ?? d.receivedAt.getTime();
    const arrivedLate = pointsTime < newestSeen;
    newestSeen = Math.max(newestSeen, pointsTime);
    return {
      kind: "webhook",
      at: new Date(pointsTime),
      id: d.id.toString(),
      event: d.event,
      status: d.status,
      receivedAt: d.receivedAt,
      arrivedLate,
      duplicateCount: d.duplicateCount,
      rawBody: d.rawBody,
    };
  });
  for (const a of audit)
    entries.push({
      kind: "action",
      at: a.createdAt,
      id: a.id.toString(),
      action: a.action,
      actor: a.actor ? `${a.actor.name} <${a.actor.email}>` : null,
      detail: a.detail,
    });
  for (const c of calls)
    entries.push({
      kind: "api_call",
      at: c.createdAt,
      id: c.id.toString(),
      method: c.method,
      path: c.path,
      status: c.status,
      ok: c.ok,
      latencyMs: c.latencyMs,
      errorMessage: c.errorMessage,
      attempt: c.attempt,
    });
  for (const d of differences)
    entries.push({ kind: "difference", at: d.createdAt, id: d.id.toString(), difference: toDifferenceRow(d, null) });
  for (const f of flags) entries.push({ kind: "lifecycle_flag", at: new Date(f.createdAt), id: f.id, flag: f });
  return entries.sort((x, y) => x.at.getTime() - y.at.getTime());
}
