// Healing accepts Points' state for one order: read it, write it over ours,
// and close the order's open differences. applyOrderSnapshot ignores a
// snapshot that is not newer than ours, and a row that drifted without Points
// changing carries the same updated_at, so our version stamps are first moved
// just behind Points' — unless ours is genuinely newer (a webhook after the
// read), which is left alone and reported as not healed.
import type { Db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import type { PointsClient } from "@/lib/points/client";
import { PointsApiError } from "@/lib/points/errors";
import type { ApiOrder } from "@/lib/points/schemas";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { compareOrder, type FieldDifference } from "./compare-order";
import { readOrder } from "./select-orders";

export type HealResult =
  | { healed: true; closed: number }
  | { healed: false; reason: "missing_at_points" | "still_differs"; remaining?: FieldDifference[] };

/** Points' order now, or null when Points does not know it; other failures are thrown. */
export function readTheirs(client: Pick<PointsClient, "getOrder">, orderUuid: string): Promise<ApiOrder | null> {
  return client.getOrder(orderUuid).catch((error: unknown) => {
    if (error instanceof PointsApiError && error.kind === "not_found") return null;
    throw error;
  });
}

export type HealRefusal = Extract<HealResult, { healed: false }>;

/** Why a heal did not happen, for the person who asked: its Reconciliation.refusals key and values. */
export function healRefusalNotice(result: HealRefusal): {
  code: "missingAtPoints" | "stillDiffers" | "stillDiffersOursNewer";
  values: Record<string, string>;
} {
  if (result.reason === "missing_at_points") return { code: "missingAtPoints", values: {} };
  const fields = (result.remaining ?? []).map((d) => d.field).join(", ");
  return fields ? { code: "stillDiffers", values: { fields } } : { code: "stillDiffersOursNewer", values: {} };
}

export async function healDifference(
  deps: { db: Db; client: Pick<PointsClient, "getOrder"> },
  args: { orderUuid: string; actorId: string | null },
): Promise<HealResult> {
  const { db } = deps;
  const theirs = await readTheirs(deps.client, args.orderUuid);
  if (!theirs) return { healed: false, reason: "missing_at_points" };
  const snapshot = snapshotFromApi(theirs);
  const behind = new Date(new Date(snapshot.updatedAt).getTime() - 1);

  const remaining = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `UPDATE orders SET points_updated_at = $2,
              shipping_updated_at = CASE WHEN $3 AND shipping_updated_at <= $4 THEN NULL ELSE shipping_updated_at END
        WHERE points_uuid = $1::uuid AND points_updated_at <= $4`,
      args.orderUuid,
      behind,
      snapshot.shipping !== undefined,
      new Date(snapshot.updatedAt),
    );
    await applyOrderSnapshot(tx, snapshot);
    return compareOrder(await readOrder(tx, args.orderUuid), theirs);
  });
  if (remaining.length) return { healed: false, reason: "still_differs", remaining };

  // Only what is still open at this write: one closed meanwhile (explained, another heal, a bulk run) stays as it is.
  const open = await db.reconcileDifference.updateManyAndReturn({
    where: { orderUuid: args.orderUuid, status: "open" },
    data: { status: "healed", note: "accepted Points' state" },
    select: { id: true, field: true },
  });
  await recordAudit(db, {
    actorId: args.actorId,
    action: "reconcile.heal",
    target: args.orderUuid,
    detail: { differences: open.map((d) => ({ id: String(d.id), field: d.field })), orderStatus: theirs.order_status },
  });
  return { healed: true, closed: open.length };
}
