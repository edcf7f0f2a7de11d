// A staff member asks to change an order at Points (refund, cancel, shipping,
// complete, authorize, capture). The intent is recorded first under its
// idempotency key (unique in the database), so however often the same form is
// submitted, Points is called at most once. Refunds above the threshold wait
// for a second admin instead (decide-refund.ts).
import { hasRole } from "@/lib/auth/roles";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyApprovalRequest } from "@/lib/approvals/notify-approval-request";
import { ACTION_ROLE, refundableAmount, stateAllows } from "./allowed-actions";
import type { OrderActionInput } from "./action-schemas";
import { executeIntent } from "./execute-intent";

export interface ActionDeps {
  db: Db;
  client: PointsClient;
  refundApprovalThresholdSar: number;
  /** Where a new two-person request is announced (ALERT_WEBHOOK_URL) and when it expires. */
  approvals?: { alertWebhookUrl?: string; expiryMs: number; inboxUrl?: string };
}

export type ActionResponse =
  | { ok: true; status: "succeeded" | "pending_approval" | "unknown" | "sending"; message: string; intentId: string }
  | { ok: false; message: string; intentId?: string };

const refuse = (message: string): ActionResponse => ({ ok: false, message });

export async function requestOrderAction(
  deps: ActionDeps,
  actor: StaffUser,
  input: OrderActionInput,
): Promise<ActionResponse> {
  const { db } = deps;
  if (!hasRole(actor.role, ACTION_ROLE[input.kind])) return refuse("Your role does not allow this action.");

  const order = await db.order.findUnique({ where: { pointsUuid: input.orderUuid } });
  if (!order) return refuse("This order is not in the dashboard yet.");
  const state = {
    type: order.type,
    orderStatus: order.orderStatus,
    totalPrice: Number(order.totalPrice),
    refundedAmount: Number(order.refundedAmount),
  };
  if (!stateAllows(input.kind, state))
    return refuse(`An order that is ${order.orderStatus.replace(/_/g, " ")} cannot take this action.`);

  const { kind, orderUuid, idempotencyKey, ...params } = input;
  let needsApproval = false;
  if (input.kind === "refund") {
    const left = refundableAmount(state);
    const amount = input.amount ?? left;
    if (amount > left) return refuse(`At most ${left.toFixed(2)} SAR is left to refund.`);
    needsApproval = amount > deps.refundApprovalThresholdSar;
  }

  // ON CONFLICT DO NOTHING: the second submission of one form finds the first's intent.
  const created = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO action_intents (id, idempotency_key, kind, order_uuid, params, status, requested_by_id, updated_at)
    VALUES (gen_random_uuid(), ${idempotencyKey}, ${kind}::"IntentKind", ${orderUuid}::uuid, ${JSON.stringify(params)}::jsonb,
            ${needsApproval ? "pending_approval" : "sending"}::"IntentStatus", ${actor.id}::uuid, now())
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`;
  if (!created[0]) return alreadySubmitted(db, idempotencyKey);
  const intent = { id: created[0].id, kind, orderUuid, params };

  if (needsApproval) {
    await recordAudit(db, {
      actorId: actor.id,
      action: "order.refund_requested",
      target: orderUuid,
      detail: { intentId: intent.id, params },
    });
    if (deps.approvals)
      await notifyApprovalRequest(deps.approvals.alertWebhookUrl, {
        orderNumber: order.orderNumber,
        amount: input.kind === "refund" ? (input.amount ?? null) : null,
        requestedBy: actor.name,
        expiresAt: new Date(Date.now() + deps.approvals.expiryMs),
        inboxUrl: deps.approvals.inboxUrl,
      });
    return {
      ok: true,
      status: "pending_approval",
      message: `Refunds above ${deps.refundApprovalThresholdSar.toFixed(2)} SAR need a second admin: the request is waiting for approval.`,
      intentId: intent.id,
    };
  }
  const outcome = await executeIntent(db, deps.client, intent, actor.id);
  return outcome.status === "failed"
    ? { ok: false, message: outcome.message, intentId: intent.id }
    : { ok: true, status: outcome.status, message: outcome.message, intentId: intent.id };
}

async function alreadySubmitted(db: Db, idempotencyKey: string): Promise<ActionResponse> {
  const existing = await db.actionIntent.findUniqueOrThrow({ where: { idempotencyKey } });
  const message = `Already submitted (${existing.status.replace(/_/g, " ")}); it was not sent again.`;
  if (existing.status === "failed" || existing.status === "rejected" || existing.status === "expired")
    return { ok: false, message, intentId: existing.id };
  return { ok: true, status: existing.status, message, intentId: existing.id };
}
