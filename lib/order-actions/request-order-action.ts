// A staff member asks to change an order at Points (refund, cancel, shipping,
// complete, authorize, capture). The intent is recorded first under its
// idempotency key (unique in the database), so however often the same form is
// submitted, Points is called at most once. Refunds are guarded by the refund
// ledger (lib/refunds): over the threshold within 24 hours, or on an order
// refunded by an unknown amount, they wait for a second admin (decide-refund.ts).
import { hasRole } from "@/lib/auth/roles";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Client, Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkRefund, lockOrderRefunds, refreshRefundPosition } from "@/lib/refunds/refund-guard";
import { ACTION_ROLE, stateAllows } from "@/lib/orders/allowed-actions";
import type { AlertLanguage } from "@/lib/alerts/alert-message";
import { notifyApprovalRequest } from "@/lib/approvals/notify-approval-request";
import type { OrderActionInput } from "@/lib/orders/action-schemas";
import type { Notice } from "@/lib/result/action-result";
import { executeIntent } from "./execute-intent";

export interface ActionDeps {
  db: Db;
  client: PointsClient;
  refundApprovalThresholdSar: number;
  /** Where a new two-person request is announced (ALERT_WEBHOOK_URL) and when it expires. */
  approvals?: { alertWebhookUrl?: string; alertLanguage?: AlertLanguage; expiryMs: number; inboxUrl?: string };
}

export type ActionResponse =
  | {
      ok: true;
      status: "succeeded" | "pending_approval" | "unknown" | "sending";
      message: string;
      notice?: Notice;
      intentId: string;
    }
  | { ok: false; message: string; notice?: Notice; intentId?: string };

const refuse = (message: string, notice: Notice): ActionResponse => ({ ok: false, message, notice });

export async function requestOrderAction(
  deps: ActionDeps,
  actor: StaffUser,
  input: OrderActionInput,
): Promise<ActionResponse> {
  const { db } = deps;
  if (!hasRole(actor.role, ACTION_ROLE[input.kind]))
    return refuse("Your role does not allow this action.", { key: "OrderActions.notice.roleDenied" });

  const stored = await db.order.findUnique({ where: { pointsUuid: input.orderUuid } });
  if (!stored) return refuse("This order is not in the dashboard yet.", { key: "OrderActions.notice.orderMissing" });
  const refund = input.kind === "refund" ? await refreshRefundPosition(db, deps.client, stored) : null;
  const order = refund ? { ...stored, ...refund.order } : stored;
  const state = {
    type: order.type,
    orderStatus: order.orderStatus,
    // Only a refund reads it, and only a refund loads the ledger.
    refundable: refund ? refund.position.refundable : 0,
  };
  if (!stateAllows(input.kind, state))
    return refuse(`An order that is ${order.orderStatus.replace(/_/g, " ")} cannot take this action.`, {
      key: "OrderActions.notice.stateRefuses",
      values: { orderStatus: order.orderStatus },
    });

  const { kind, orderUuid, idempotencyKey, ...params } = input;
  // ON CONFLICT DO NOTHING: the second submission of one form finds the first's intent.
  const insert = (tx: Client, needsApproval: boolean) => tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO action_intents (id, idempotency_key, kind, order_uuid, params, status, requested_by_id, updated_at)
    VALUES (gen_random_uuid(), ${idempotencyKey}, ${kind}::"IntentKind", ${orderUuid}::uuid, ${JSON.stringify(params)}::jsonb,
            ${needsApproval ? "pending_approval" : "sending"}::"IntentStatus", ${actor.id}::uuid, now())
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`;
  let approvalReason: { message: string; notice: Notice } | null = null;
  let created: Array<{ id: string }>;
  if (input.kind === "refund") {
    // Checked and recorded under one lock per order, so two requests cannot both fit under the threshold.
    const checked = await db.$transaction(async (tx) => {
      await lockOrderRefunds(tx, orderUuid);
      const check = await checkRefund(tx, order, input.amount, deps.refundApprovalThresholdSar);
      return check.ok ? { ...check, created: await insert(tx, check.approvalReason !== null) } : check;
    });
    if (!checked.ok) return refuse(checked.message, checked.notice);
    ({ approvalReason, created } = checked);
  } else created = await insert(db, false);
  if (!created[0]) return alreadySubmitted(db, idempotencyKey);
  const needsApproval = approvalReason !== null;
  const intent = { id: created[0].id, kind, orderUuid, params };

  if (needsApproval) {
    await recordAudit(db, {
      actorId: actor.id,
      action: "order.refund_requested",
      target: orderUuid,
      detail: { intentId: intent.id, params },
    });
    if (deps.approvals)
      await notifyApprovalRequest(
        deps.approvals.alertWebhookUrl,
        {
          orderNumber: order.orderNumber,
          amount: input.kind === "refund" ? (input.amount ?? null) : null,
          requestedBy: actor.name,
          expiresAt: new Date(Date.now() + deps.approvals.expiryMs),
          inboxUrl: deps.approvals.inboxUrl,
        },
        { language: deps.approvals.alertLanguage },
      );
    return {
      ok: true,
      status: "pending_approval",
      message: approvalReason!.message,
      notice: approvalReason!.notice,
      intentId: intent.id,
    };
  }
  const outcome = await executeIntent(db, deps.client, intent, actor.id);
  return outcome.status === "failed"
    ? { ok: false, message: outcome.message, notice: outcome.notice, intentId: intent.id }
    : { ok: true, status: outcome.status, message: outcome.message, notice: outcome.notice, intentId: intent.id };
}

async function alreadySubmitted(db: Db, idempotencyKey: string): Promise<ActionResponse> {
  const existing = await db.actionIntent.findUniqueOrThrow({ where: { idempotencyKey } });
  const message = `Already submitted (${existing.status.replace(/_/g, " ")}); it was not sent again.`;
  const notice = { key: "OrderActions.notice.alreadySubmitted", values: { intentStatus: existing.status } };
  if (existing.status === "failed" || existing.status === "rejected" || existing.status === "expired")
    return { ok: false, message, notice, intentId: existing.id };
  return { ok: true, status: existing.status, message, notice, intentId: existing.id };
}
