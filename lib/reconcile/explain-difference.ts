// Explaining a difference: a person says why it is fine as it is. The
// difference leaves the open list (status `explained`, the note kept) and the
// audit log records who explained it and why. Only an open one can be
// explained; the update and the audit entry are one transaction.
// explainOpen is shared with lifecycle flags, which are explained the same way.
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db/prisma";

export const NOTE_MAX = 1_000;

export type ExplainResult =
  { explained: true } | { explained: false; reason: "not_found" | "not_open" | "note_required" };

/** `close` marks the item explained with the note if it is open, and says what to audit, or why it could not. */
export async function explainOpen(
  db: Db,
  note: string,
  close: (tx: Tx, note: string) => Promise<AuditEntry | "not_found" | "not_open">,
): Promise<ExplainResult> {
  const text = note.trim().slice(0, NOTE_MAX);
  if (!text) return { explained: false, reason: "note_required" };
  return db.$transaction(async (tx) => {
    const outcome = await close(tx, text);
    if (typeof outcome === "string") return { explained: false, reason: outcome } as const;
    await recordAudit(tx, outcome);
    return { explained: true } as const;
  });
}

export function explainDifference(
  db: Db,
  args: { id: bigint; note: string; actorId: string | null },
): Promise<ExplainResult> {
  return explainOpen(db, args.note, async (tx, note) => {
    const updated = await tx.reconcileDifference.updateMany({
      where: { id: args.id, status: "open" },
      data: { status: "explained", note },
    });
    const d = await tx.reconcileDifference.findUnique({
      where: { id: args.id },
      select: { orderUuid: true, field: true, kind: true, runId: true },
    });
    if (!d) return "not_found";
    if (updated.count === 0) return "not_open";
    return {
      actorId: args.actorId,
      action: "reconcile.explain",
      target: d.orderUuid,
      detail: { difference: String(args.id), field: d.field, kind: d.kind, runId: d.runId, note },
    };
  });
}
