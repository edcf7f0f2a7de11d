// Explaining a difference: a person says why it is fine as it is. The
// difference leaves the open list (status `explained`, the note kept) and the
// audit log records who explained it and why. Only an open difference can be
// explained; the update and the audit entry are one transaction.
import type { AuditEntry } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/prisma";

export const NOTE_MAX = 1_000;

export type ExplainResult = { explained: true } | { explained: false; reason: "not_found" | "not_open" | "note_required" };

export async function explainDifference(db: Db, args: { id: bigint; note: string; actorId: string | null }): Promise<ExplainResult> {
  const note = args.note.trim();
  if (!note) return { explained: false, reason: "note_required" };
  return db.$transaction(async (tx) => {
    const updated = await tx.reconcileDifference.updateMany({
      where: { id: args.id, status: "open" },
      data: { status: "explained", note: note.slice(0, NOTE_MAX) },
    });
    if (updated.count === 0) {
      const exists = await tx.reconcileDifference.findUnique({ where: { id: args.id }, select: { id: true } });
      return { explained: false, reason: exists ? "not_open" : "not_found" } as const;
    }
    const d = await tx.reconcileDifference.findUniqueOrThrow({ where: { id: args.id }, select: { orderUuid: true, field: true, kind: true, runId: true } });
    const entry: AuditEntry = {
      actorId: args.actorId,
      action: "reconcile.explain",
      target: d.orderUuid,
      detail: { difference: String(args.id), field: d.field, kind: d.kind, runId: d.runId, note: note.slice(0, NOTE_MAX) },
    };
    // recordAudit's write, inside this transaction.
    await tx.auditLog.create({ data: entry });
    return { explained: true } as const;
  });
}
