// Re-checking one order now: read it from Points, compare, and bring the
// order's open differences up to date — a field that no longer differs is
// closed (healed, "no longer differs"), one that still differs gets the fresh
// values, a newly differing field is added to the run that found the order.
// Audited. Nothing of ours is written over: that is what healing is for.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import { compareOrder, type FieldDifference } from "./compare-order";
import { readTheirs } from "./heal-difference";
import { jsonValue } from "./run-reconciliation";
import { readOrder } from "./select-orders";

export const NO_LONGER_DIFFERS = "no longer differs on re-check";

export interface RecheckResult {
  /** open differences closed because the field agrees now */
  closed: number;
  /** fields that still differ (updated or added) */
  differing: string[];
}

export async function recheckOrder(
  deps: { db: Db; client: Pick<PointsClient, "getOrder"> },
  args: { orderUuid: string; actorId: string | null },
): Promise<RecheckResult> {
  const { db } = deps;
  const theirs = await readTheirs(deps.client, args.orderUuid);
  const result = await db.$transaction(async (tx) => {
    const now: FieldDifference[] = compareOrder(await readOrder(tx, args.orderUuid), theirs);
    const open = await tx.reconcileDifference.findMany({
      where: { orderUuid: args.orderUuid, status: "open" },
      orderBy: { id: "asc" },
    });
    const stale = open.filter((o) => !now.some((d) => d.field === o.field));
    await tx.reconcileDifference.updateMany({
      where: { id: { in: stale.map((o) => o.id) }, status: "open" },
      data: { status: "healed", note: NO_LONGER_DIFFERS },
    });
    // A new difference belongs to a run; the order's open ones name the run that found it.
    const runId = async () =>
      open[0]?.runId ??
      (await tx.reconcileRun.findFirstOrThrow({ orderBy: { startedAt: "desc" }, select: { id: true } })).id;
    for (const d of now) {
      const data = { kind: d.kind, ours: jsonValue(d.ours), theirs: jsonValue(d.theirs) };
      const same = open.find((o) => o.field === d.field);
      if (same) await tx.reconcileDifference.update({ where: { id: same.id }, data });
      else
        await tx.reconcileDifference.create({
          data: { ...data, runId: await runId(), orderUuid: args.orderUuid, field: d.field },
        });
    }
    return { closed: stale.length, differing: now.map((d) => d.field) };
  });
  await recordAudit(db, {
    actorId: args.actorId,
    action: "reconcile.recheck",
    target: args.orderUuid,
    detail: { closed: result.closed, differing: result.differing },
  });
  return result;
}
