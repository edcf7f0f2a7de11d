"use server";
// Staff actions on one order. The use cases record the intent, call Points and
// audit; they own their transactions because a transaction must not wait on
// Points. Points' refusals come back as written.
import { z } from "zod";
import { staffAction } from "@/lib/auth/safe-action";
import type { Role } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { orderActionSchema } from "@/lib/orders/action-schemas";
import { ACTION_ROLE, ORDER_ACTIONS, type OrderActionKind } from "@/lib/orders/allowed-actions";
import { decideRefund } from "@/lib/order-actions/decide-refund";
import { requestOrderAction } from "@/lib/order-actions/request-order-action";
import { getPointsClient } from "@/lib/points/get-points-client";

const genericMessage = "Something went wrong; nothing was confirmed. Check the order's timeline before trying again.";

// The role depends on the kind, which is checked before anything else is read; an unknown kind needs the highest role.
function roleFor(input: unknown): Role {
  const kind = (input as { kind?: unknown } | null)?.kind;
  return ORDER_ACTIONS.includes(kind as OrderActionKind) ? ACTION_ROLE[kind as OrderActionKind] : "admin";
}

// The timeline shows a refused attempt too, so the order's page is refreshed whatever the answer.
export const submitOrderAction = staffAction(
  {
    name: "submitOrderAction",
    role: roleFor,
    input: orderActionSchema,
    genericMessage,
    revalidate: (input) => [`/orders/${input.orderUuid}`],
  },
  ({ db, user, input }) => {
    const config = getConfig();
    const approvals = {
      alertWebhookUrl: config.alertWebhookUrl,
      alertLanguage: config.alertLanguage,
      expiryMs: config.refundApprovalExpiryMs,
      inboxUrl: config.appUrl && `${config.appUrl}/approvals`,
    };
    return requestOrderAction(
      { db, client: getPointsClient(), refundApprovalThresholdSar: config.refundApprovalThresholdSar, approvals },
      user,
      input,
    );
  },
);

const decisionSchema = z.discriminatedUnion("approve", [
  z.object({
    intentId: z.uuid("unknown request"),
    approve: z.literal(true),
    password: z.string().min(1, "enter your password to approve"),
  }),
  z.object({
    intentId: z.uuid("unknown request"),
    approve: z.literal(false),
    note: z
      .string()
      .trim()
      .max(500, "the note must be at most 500 characters")
      .transform((v) => (v === "" ? undefined : v))
      .optional(),
  }),
]);

export const decideRefundAction = staffAction(
  {
    name: "decideRefundAction",
    role: "admin",
    input: decisionSchema,
    genericMessage,
    revalidate: async (input) => {
      const intent = await getDb().actionIntent.findUnique({
        where: { id: input.intentId },
        select: { orderUuid: true },
      });
      return intent ? ["/approvals", `/orders/${intent.orderUuid}`] : ["/approvals"];
    },
  },
  ({ db, user, input }) =>
    decideRefund({ db, client: getPointsClient(), approvalExpiryMs: getConfig().refundApprovalExpiryMs }, user, input),
);
