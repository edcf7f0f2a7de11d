// Explaining a lifecycle flag: a person says why the order's history is fine
// (e.g. it predates our webhook endpoint). Same rules as explaining a difference.
import type { Db } from "@/lib/db/prisma";
import { explainOpen, type ExplainResult } from "@/lib/reconcile/explain-difference";

export function explainLifecycleFlag(
  db: Db,
  args: { id: bigint; note: string; actorId: string | null },
): Promise<ExplainResult> {
  return explainOpen(db, args.note, async (tx, note) => {
    const updated = await tx.lifecycleFlag.updateMany({
      where: { id: args.id, status: "open" },
      data: { status: "explained", note, resolvedAt: new Date() },
    });
    const flag = await tx.lifecycleFlag.findUnique({ where: { id: args.id }, select: { orderUuid: true, rule: true } });
    if (!flag) return "not_found";
    if (updated.count === 0) return "not_open";
    return {
      actorId: args.actorId,
      action: "lifecycle.explain",
      target: flag.orderUuid,
      detail: { flag: String(args.id), rule: flag.rule, note },
    };
  });
}
