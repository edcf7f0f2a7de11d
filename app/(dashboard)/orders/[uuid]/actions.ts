"use server";
// Staff actions on one order. Each: the role first (fails closed), then the
// validated input, then the use case, which records the intent and audits it.
// Points' refusals come back as written; anything unexpected is logged and
// answered with a generic message.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { StaffUser } from "@/lib/auth/require-user";
import { safeAction } from "@/lib/auth/safe-action";
import type { Role } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { firstIssue, orderActionSchema } from "@/lib/orders/action-schemas";
import { ACTION_ROLE, ORDER_ACTIONS, type OrderActionKind } from "@/lib/orders/allowed-actions";
import { decideRefund } from "@/lib/orders/decide-refund";
import { requestOrderAction, type ActionResponse } from "@/lib/orders/request-order-action";
import { getPointsClient } from "@/lib/points/get-points-client";

const GENERIC_ERROR = "Something went wrong; nothing was confirmed. Check the order's timeline before trying again.";

const guarded = (
  name: string,
  role: Role,
  run: (user: StaffUser) => Promise<ActionResponse>,
): Promise<ActionResponse> => safeAction(name, role, GENERIC_ERROR, run);

// The role depends on the kind, which is checked before anything else is read; an unknown kind needs the highest role.
function roleFor(input: unknown): Role {
  const kind = (input as { kind?: unknown } | null)?.kind;
  return ORDER_ACTIONS.includes(kind as OrderActionKind) ? ACTION_ROLE[kind as OrderActionKind] : "admin";
}

// `unknown`: the forms send their fields as typed; orderActionSchema is the only judge of them.
export async function submitOrderAction(input: unknown): Promise<ActionResponse> {
  return guarded("submitOrderAction", roleFor(input), async (user) => {
    const parsed = orderActionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
    const config = getConfig();
    const deps = {
      db: getDb(),
      client: getPointsClient(),
      refundApprovalThresholdSar: config.refundApprovalThresholdSar,
      approvals: {
        alertWebhookUrl: config.alertWebhookUrl,
        expiryMs: config.refundApprovalExpiryMs,
        inboxUrl: config.appUrl && `${config.appUrl}/approvals`,
      },
    };
    const result = await requestOrderAction(deps, user, parsed.data);
    revalidatePath(`/orders/${parsed.data.orderUuid}`);
    return result;
  });
}

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

export async function decideRefundAction(input: z.input<typeof decisionSchema>): Promise<ActionResponse> {
  return guarded("decideRefundAction", "admin", async (admin) => {
    const parsed = decisionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
    const db = getDb();
    const result = await decideRefund(
      { db, client: getPointsClient(), approvalExpiryMs: getConfig().refundApprovalExpiryMs },
      admin,
      parsed.data,
    );
    revalidatePath("/approvals");
    const intent = await db.actionIntent.findUnique({
      where: { id: parsed.data.intentId },
      select: { orderUuid: true },
    });
    if (intent) revalidatePath(`/orders/${intent.orderUuid}`);
    return result;
  });
}
