// Orders staff create at Points from the dashboard (admin only):
// - a manual earning (E1): a goodwill award, or a retry of an earning the
//   merchant's backend failed to send;
// - a payment link (E4): a checkout session for an order taken by phone or
//   WhatsApp, whose URL staff copy to the customer.
// Each is audited. An earning's order is stored at once and its audit entry
// targets the order, so the timeline shows it. A checkout has no uuid until
// Points' first webhook (§2 E4), and a queued earning (pending activation)
// none either, so their entries target the order number (orderNumberTarget)
// and the order's timeline picks them up when the order arrives. The customer's
// number also goes into the order's metadata (Points echoes it), so support
// finds the order by phone (search-keys.ts).
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import { PointsApiError } from "@/lib/points/errors";
import type { Notice } from "@/lib/result/action-result";
import { maskPhone } from "@/lib/points/redact";
import { apiOrderSchema } from "@/lib/points/schemas";
import { snapshotFromApi } from "./snapshot-from-api";
import { applyOrderSnapshot } from "./apply-order-snapshot";
import { phoneKey } from "./search-keys";

/** The audit target of something done for an order number whose uuid we do not know (yet). */
export const orderNumberTarget = (orderNumber: string) => `order-number:${orderNumber}`;

const phone = z
  .string()
  .trim()
  .max(20, "the phone number is too long")
  .refine((v) => phoneKey(v) !== null, "enter a Saudi mobile number, like 05XXXXXXXX")
  .transform((v) => phoneKey(v)!);
const orderNumber = z
  .string()
  .trim()
  .min(1, "give the order number")
  .max(255, "the order number must be at most 255 characters");
const amount = z.coerce
  .number({ error: "the amount must be a number of SAR" })
  .min(0, "the amount cannot be negative")
  .max(10_000_000_000, "the amount is too large")
  .multipleOf(0.01, "the amount has at most 2 decimals");
const productName = z
  .string()
  .trim()
  .min(1, "name what was bought")
  .max(255, "the product name must be at most 255 characters");

export const manualEarningSchema = z.object({
  reason: z.enum(["goodwill", "retry"], { error: "choose goodwill or retry" }),
  phoneNumber: phone,
  orderNumber,
  totalPrice: amount,
  productName,
  note: z.string().trim().max(500, "the note must be at most 500 characters").optional(),
});
export type ManualEarningInput = z.infer<typeof manualEarningSchema>;

export const paymentLinkSchema = z.object({
  orderNumber,
  totalPrice: amount.refine((v) => v > 0, "the amount must be more than 0"),
  productName,
  // Optional (§2 E4): without it Points asks the shopper for their number.
  phoneNumber: z.preprocess((v) => (v === "" ? undefined : v), phone.optional()),
  channel: z.enum(["phone", "whatsapp"], { error: "choose phone or WhatsApp" }),
});
export type PaymentLinkInput = z.infer<typeof paymentLinkSchema>;

export type StaffRequestResult =
  | { ok: true; message: string; notice: Notice; orderUuid?: string; checkoutUrl?: string }
  | { ok: false; message: string; notice?: Notice };

interface Deps {
  db: Db;
  client: Pick<PointsClient, "createEarningOrder" | "beginCheckout">;
}

const failure = (error: unknown): StaffRequestResult => {
  if (error instanceof PointsApiError) return { ok: false, message: error.message, notice: error.notice };
  throw error;
};

export async function createManualEarning(
  { db, client }: Deps,
  actorId: string,
  input: ManualEarningInput,
): Promise<StaffRequestResult> {
  const record = (target: string, detail: Record<string, string | number | null>) =>
    recordAudit(db, {
      actorId,
      action: "order.earning_created",
      target,
      // The phone is personal data: masked, as in the call log.
      detail: {
        reason: input.reason,
        orderNumber: input.orderNumber,
        totalPrice: input.totalPrice,
        phone: maskPhone(input.phoneNumber),
        note: input.note ?? null,
        ...detail,
      },
    });
  let result: StaffRequestResult;
  try {
    const answer = await client.createEarningOrder(
      {
        phone_number: input.phoneNumber,
        total_price: input.totalPrice,
        order_number: input.orderNumber,
        products: [{ product_name: input.productName, product_price: input.totalPrice, quantity: 1 }],
        metadata: { source: "points-ops", reason: input.reason, customer_phone: input.phoneNumber },
      },
      {},
    );
    if (answer.outcome === "unknown") {
      result = {
        ok: false,
        message: `Points did not confirm the earning: ${answer.message} Check before retrying.`,
        notice: { key: "Orders.requests.earningNotConfirmed" },
      };
    } else {
      const order = apiOrderSchema.safeParse(answer.data);
      if (order.success) {
        await applyOrderSnapshot(db, snapshotFromApi(order.data));
        const message = `Earning order created: ${order.data.total_points.toLocaleString("en")} points awarded.`;
        await record(order.data.uuid, { outcome: "succeeded", message });
        const points = order.data.total_points;
        return {
          ok: true,
          message,
          notice: { key: "Orders.requests.earningCreated", values: { points } },
          orderUuid: order.data.uuid,
        };
      }
      result = {
        ok: true,
        message:
          "The customer has not activated their Points account: Points queued the earning and awards it on activation.",
        notice: { key: "Orders.requests.earningQueued" },
      };
    }
  } catch (error) {
    result = failure(error);
  }
  await record(orderNumberTarget(input.orderNumber), {
    outcome: result.ok ? "succeeded" : "failed",
    message: result.message,
  });
  return result;
}

export async function createPaymentLink(
  { db, client }: Deps,
  actorId: string,
  input: PaymentLinkInput,
  callbackBaseUrl: string,
): Promise<StaffRequestResult> {
  const callbackUrl = new URL("/checkout/callback", callbackBaseUrl);
  callbackUrl.searchParams.set("order", input.orderNumber);
  let result: StaffRequestResult;
  try {
    const answer = await client.beginCheckout({
      total_price: input.totalPrice,
      order_number: input.orderNumber,
      phone_number: input.phoneNumber ?? null,
      products: [{ product_name: input.productName, product_price: input.totalPrice, quantity: 1 }],
      metadata: {
        source: "points-ops",
        channel: input.channel,
        ...(input.phoneNumber ? { customer_phone: input.phoneNumber } : {}),
      },
      callback_url: callbackUrl.toString(),
    });
    result =
      answer.outcome === "unknown"
        ? {
            ok: false,
            message: `Points did not confirm the checkout: ${answer.message} Check before retrying.`,
            notice: { key: "Orders.requests.linkNotConfirmed" },
          }
        : {
            ok: true,
            message: "Payment link created: copy it to the customer.",
            notice: { key: "Orders.requests.linkCreated" },
            checkoutUrl: answer.data.checkout_url,
          };
  } catch (error) {
    result = failure(error);
  }
  await recordAudit(db, {
    actorId,
    action: "order.payment_link_created",
    target: orderNumberTarget(input.orderNumber),
    detail: {
      orderNumber: input.orderNumber,
      totalPrice: input.totalPrice,
      channel: input.channel,
      phone: input.phoneNumber ? maskPhone(input.phoneNumber) : null,
      outcome: result.ok ? "succeeded" : "failed",
      message: result.ok ? `Checkout opened: ${result.checkoutUrl}` : result.message,
    },
  });
  return result;
}
