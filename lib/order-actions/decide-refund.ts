// Two-person refunds: a refund above the threshold waits until a different
// admin approves it (re-entering their password) or rejects it. Only an
// approval calls Points, and only the one approval that moves the intent out
// of pending_approval does (the UPDATE … WHERE status = 'pending_approval').
import type { StaffUser } from "@/lib/auth/require-user";
import { verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { expireStaleApprovals } from "@/lib/approvals/pending-approvals";
import { executeIntent } from "./execute-intent";
import type { Notice } from "@/lib/result/action-result";
import type { ActionDeps, ActionResponse } from "./request-order-action";

type Decision =
  { intentId: string; approve: true; password: string } | { intentId: string; approve: false; note?: string };

export async function decideRefund(
  deps: Omit<ActionDeps, "refundApprovalThresholdSar" | "approvals"> & { approvalExpiryMs: number },
  admin: StaffUser,
  decision: Decision,
): Promise<ActionResponse> {
  const { db } = deps;
  const refuse = (message: string, key: string, values?: Notice["values"]): ActionResponse => ({
    ok: false,
    message,
    notice: { key: `OrderActions.notice.${key}`, values },
  });
  if (admin.role !== "admin") return refuse("Only an admin can approve or reject refunds.", "adminOnly");
  // A request past its time is expired first, so the update below cannot move it.
  await expireStaleApprovals(db, deps.approvalExpiryMs);
  const intent = await db.actionIntent.findUnique({ where: { id: decision.intentId } });
  if (!intent || intent.kind !== "refund") return refuse("No such refund request.", "noSuchRequest");
  if (intent.status === "expired")
    return refuse("This request expired before anyone decided it; Points was not called.", "requestExpired");
  if (intent.requestedById === admin.id)
    return refuse("A second admin must decide: you requested this refund.", "ownRequest");

  if (decision.approve) {
    const me = await db.user.findUniqueOrThrow({ where: { id: admin.id }, omit: { passwordHash: false } });
    if (!me.passwordHash || !(await verifyPassword(decision.password, me.passwordHash)))
      return refuse("Password is not correct; the refund was not approved.", "wrongPassword");
  }

  const moved = await db.actionIntent.updateMany({
    where: {
      id: intent.id,
      status: "pending_approval",
      createdAt: { gt: new Date(Date.now() - deps.approvalExpiryMs) },
    },
    data: {
      status: decision.approve ? "sending" : "rejected",
      approvedById: admin.id,
      decidedAt: new Date(),
      decisionNote: decision.approve ? null : (decision.note ?? null),
    },
  });
  if (moved.count === 0)
    return refuse(`This request was already decided (${intent.status.replace(/_/g, " ")}).`, "alreadyDecided", {
      intentStatus: intent.status,
    });

  await recordAudit(db, {
    actorId: admin.id,
    action: decision.approve ? "order.refund_approved" : "order.refund_rejected",
    target: intent.orderUuid,
    detail: {
      intentId: intent.id,
      requestedBy: intent.requestedById,
      note: decision.approve ? null : (decision.note ?? null),
    },
  });
  if (!decision.approve)
    return {
      ok: true,
      status: "succeeded",
      message: "Refund request rejected; Points was not called.",
      notice: { key: "OrderActions.notice.rejected" },
      intentId: intent.id,
    };

  const outcome = await executeIntent(db, deps.client, intent, admin.id);
  return outcome.status === "failed"
    ? { ok: false, message: outcome.message, notice: outcome.notice, intentId: intent.id }
    : { ok: true, status: outcome.status, message: outcome.message, notice: outcome.notice, intentId: intent.id };
}
