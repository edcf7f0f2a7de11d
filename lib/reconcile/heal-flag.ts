// Healing a lifecycle flag: accept Points' state for the order (GET
// /orders/{uuid} through healDifference, which also closes the order's open
// differences), then check the order's history again. The flag closes as
// healed either way — our projection now matches Points — and the note says
// whether the history itself is legal now or still shows the broken step
// (webhooks already received are history: they cannot be taken back).
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import { healDifference, type HealRefusal } from "@/lib/reconcile/heal-difference";
import { recordLifecycleFlags } from "@/lib/lifecycle/record-flags";

export const STILL_IN_HISTORY = "Points' state accepted; the webhook history still shows this step.";

export type FlagHealResult =
  | { healed: true; historyLegal: boolean }
  | { healed: false; reason: "not_found" | "not_open" }
  /** Points' state could not be accepted (see healRefusalMessage) */
  | { healed: false; reason: "refused"; refusal: HealRefusal };

export async function healLifecycleFlag(
  deps: { db: Db; client: Pick<PointsClient, "getOrder"> },
  args: { id: bigint; actorId: string | null },
): Promise<FlagHealResult> {
  const { db } = deps;
  const flag = await db.lifecycleFlag.findUnique({ where: { id: args.id } });
  if (!flag) return { healed: false, reason: "not_found" };
  if (flag.status !== "open") return { healed: false, reason: "not_open" };

  const heal = await healDifference(deps, { orderUuid: flag.orderUuid, actorId: args.actorId });
  if (!heal.healed) return { healed: false, reason: "refused", refusal: heal };

  // Closes the flag itself (as healed) when the rule no longer fires.
  await recordLifecycleFlags(db, [flag.orderUuid]);
  const stillOpen = await db.lifecycleFlag.updateMany({
    where: { id: flag.id, status: "open" },
    data: { status: "healed", note: STILL_IN_HISTORY, resolvedAt: new Date() },
  });
  const historyLegal = stillOpen.count === 0;
  await recordAudit(db, {
    actorId: args.actorId,
    action: "lifecycle.heal",
    target: flag.orderUuid,
    detail: { flag: String(flag.id), rule: flag.rule, historyLegal },
  });
  return { healed: true, historyLegal };
}
