// What staff submit to change an order at Points. Every form carries an
// idempotency key made when it was opened: a double-click, a second tab or a
// retry sends the same key and so the same intent.
import { z } from "zod";
import { SHIPPING_STATUSES } from "@/lib/points/request-schemas";

const base = {
  orderUuid: z.uuid("unknown order"),
  idempotencyKey: z.uuid("the form is stale; reload the page"),
};

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .transform((v) => (v === "" ? undefined : v))
    .optional();

export const orderActionSchema = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("refund"),
    // empty = full refund of what is left
    amount: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce
        .number({ error: "amount must be a number of SAR" })
        .positive("amount must be more than 0")
        .multipleOf(0.01, "amount has at most 2 decimals")
        .optional(),
    ),
    reason: z
      .string()
      .trim()
      .min(1, "give a reason for the refund")
      .max(500, "the reason must be at most 500 characters"),
  }),
  z.object({ ...base, kind: z.literal("cancel"), reason: optionalText(500, "the reason") }),
  z
    .object({
      ...base,
      kind: z.literal("shipping"),
      status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SHIPPING_STATUSES).optional()),
      nameAr: optionalText(120, "the Arabic label"),
      nameEn: optionalText(120, "the English label"),
    })
    .refine((v) => v.status || v.nameAr || v.nameEn, {
      message: "choose a shipping status or write a label",
      params: { notice: "OrderActions.notice.shippingEmpty" },
    }),
  z.object({
    ...base,
    kind: z.literal("complete"),
    // E8 records the payment method; its field name and values are UNKNOWN (§8.6), so free text like "mada".
    paymentMethod: z
      .string()
      .trim()
      .min(1, "say how the customer paid")
      .max(100, "the payment method must be at most 100 characters"),
  }),
  z.object({ ...base, kind: z.literal("authorize") }),
  z.object({ ...base, kind: z.literal("capture") }),
]);

export type OrderActionInput = z.infer<typeof orderActionSchema>;
