// Runs the lifecycle check over some orders' stored webhooks and keeps
// lifecycle_flags in step: a breach is flagged once per order and rule; an
// open flag whose rule no longer fires (the missing webhook arrived late) is
// closed as healed; a flag someone healed or explained stays closed unless a
// different delivery breaks the same rule, which reopens it.
import type { Db, Tx } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkLifecycle, type HistoryEvent, type LifecycleFinding } from "./check-lifecycle";

type Reader = Pick<Db, "$queryRawUnsafe">;

/** Every parsed delivery of each order (rejected bodies carry no order). */
export async function readHistories(db: Reader, uuids: string[]): Promise<Map<string, HistoryEvent[]>> {
  const histories = new Map<string, HistoryEvent[]>(uuids.map((u) => [u, []]));
  if (uuids.length === 0) return histories;
  const rows = await db.$queryRawUnsafe<Array<HistoryEvent & { orderUuid: string }>>(
    `SELECT points_order_uuid::text AS "orderUuid", id::text AS "deliveryId", event,
            raw_body::jsonb #>> '{order,order_status}' AS "orderStatus", points_updated_at AS "at"
       FROM webhook_deliveries
      WHERE points_order_uuid = ANY($1::uuid[]) AND event IS NOT NULL AND points_updated_at IS NOT NULL`,
    uuids,
  );
  for (const { orderUuid, ...event } of rows) histories.get(orderUuid)?.push(event);
  return histories;
}

export const CLEARED_NOTE = "The webhook history no longer breaks this rule: the missing delivery arrived.";

export type FlagDetail = Omit<LifecycleFinding, "rule">;

export interface FlagChanges {
  raised: number;
  reopened: number;
  cleared: number;
}

const detailOf = ({ rule: _rule, ...detail }: LifecycleFinding): FlagDetail => detail;
const deliveryOf = (detail: Prisma.JsonValue | null) =>
  detail && typeof detail === "object" && !Array.isArray(detail) ? detail.deliveryId : undefined;

export async function recordLifecycleFlags(db: Db | Tx, uuids: string[]): Promise<FlagChanges> {
  const changes: FlagChanges = { raised: 0, reopened: 0, cleared: 0 };
  if (uuids.length === 0) return changes;
  const [histories, existing] = await Promise.all([
    readHistories(db, uuids),
    db.lifecycleFlag.findMany({ where: { orderUuid: { in: uuids } } }),
  ]);
  const unmatched = new Map(existing.map((f) => [`${f.orderUuid}|${f.rule}`, f]));
  const raise: Prisma.LifecycleFlagCreateManyInput[] = [];

  for (const [orderUuid, history] of histories) {
    for (const finding of checkLifecycle(history)) {
      const detail = detailOf(finding);
      const flag = unmatched.get(`${orderUuid}|${finding.rule}`);
      unmatched.delete(`${orderUuid}|${finding.rule}`);
      if (!flag) raise.push({ orderUuid, rule: finding.rule, detail: { ...detail } });
      else if (deliveryOf(flag.detail) === detail.deliveryId) continue;
      else if (flag.status === "open")
        await db.lifecycleFlag.update({ where: { id: flag.id }, data: { detail: { ...detail } } });
      else {
        await db.lifecycleFlag.update({
          where: { id: flag.id },
          data: { status: "open", note: null, resolvedAt: null, detail: { ...detail } },
        });
        changes.reopened++;
      }
    }
  }
  if (raise.length) changes.raised = (await db.lifecycleFlag.createMany({ data: raise, skipDuplicates: true })).count;
  const gone = [...unmatched.values()].filter((f) => f.status === "open").map((f) => f.id);
  if (gone.length) {
    changes.cleared = (
      await db.lifecycleFlag.updateMany({
        where: { id: { in: gone }, status: "open" },
        data: { status: "healed", note: CLEARED_NOTE, resolvedAt: new Date() },
      })
    ).count;
  }
  return changes;
}
