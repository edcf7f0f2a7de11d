import { z } from "zod";
import { normalisePhone } from "./phone";

// Laravel's `numeric` rule accepts numeric strings; so do we (ASSUMPTION).
const numeric = (schema: z.ZodNumber) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v), schema);

const money = numeric(z.number().min(0));
const optionalMoney = money.nullish();

const phone = z.string().transform((value, ctx) => {
  const normalised = normalisePhone(value);
  if (normalised === null) {
    ctx.addIssue({ code: "custom", message: "The phone number format is invalid." });
    return z.NEVER;
  }
  return normalised;
});

export const productSchema = z.object({
  product_name: z.string().min(1).max(255),
  product_price: money,
  quantity: numeric(z.number().int().min(1)),
});
export type Product = z.infer<typeof productSchema>;

const metadata = z.record(z.string(), z.unknown()).nullish();
// §2 E1: every sub-field optional, full list UNKNOWN, so anything is kept.
const shippingAddress = z.record(z.string(), z.unknown()).nullish();

export const earningSchema = z.object({
  phone_number: phone,
  total_price: money,
  order_number: z.string().trim().min(1).max(255),
  products: z.array(productSchema).min(1),
  name: z.string().max(255).nullish(),
  shipping_amount: optionalMoney,
  tax_amount: optionalMoney,
  discount_amount: optionalMoney,
  shipping_address: shippingAddress,
  metadata,
});
export type EarningInput = z.infer<typeof earningSchema>;

export const storeRatingSchema = z.object({
  phone_number: phone,
  review_reference: z.string().trim().min(1).max(255),
  // required-ness UNKNOWN (§8.24): optional here, validated when present.
  rating: numeric(z.number().int().min(1).max(5)).nullish(),
  comment: z.string().max(2000).nullish(),
  metadata,
});

export const productRatingSchema = storeRatingSchema.extend({
  product_id: z.union([z.string(), z.number()]).transform(String).nullish(),
  product_name: z.string().max(255).nullish(),
});
export type ProductRatingInput = z.infer<typeof productRatingSchema>;

export const checkoutSchema = z.object({
  total_price: money,
  order_number: z
    .string()
    .trim()
    .transform((s) => s.replace(/^#/, ""))
    .pipe(z.string().min(1).max(255)),
  phone_number: phone.nullish(),
  name: z.string().max(255).nullish(),
  shipping_amount: optionalMoney,
  tax_amount: optionalMoney,
  discount_amount: optionalMoney,
  shipping_address: shippingAddress,
  products: z.array(productSchema).min(1).nullish(),
  metadata,
  // Required-ness UNKNOWN (§8.23); without it the session page ends on a plain page.
  callback_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
});
export type CheckoutInput = z.infer<typeof checkoutSchema>;

export const cancelSchema = z.object({ reason: z.string().max(500).nullish() });

export const refundSchema = z.object({
  amount: numeric(z.number().min(0.01)).nullish(),
  reason: z.string().max(500).nullish(),
});

export const SHIPPING_STATUSES = [
  "new",
  "license_in_progress",
  "ready_shipping",
  "delivery_is_in_progress",
  "delivered",
  "cancelled",
] as const;
export type ShippingStatus = (typeof SHIPPING_STATUSES)[number];

export const shippingSchema = z
  .object({
    status: z.enum(SHIPPING_STATUSES).nullish(),
    name_ar: z.string().trim().min(1).max(120).nullish(),
    name_en: z.string().trim().min(1).max(120).nullish(),
  })
  .refine((b) => b.status != null || b.name_ar != null || b.name_en != null, {
    message: "At least one of status, name_ar or name_en is required.",
    path: ["status"],
  });
export type ShippingInput = z.infer<typeof shippingSchema>;

// §2 E8: the payment-method field name is UNKNOWN; we accept `payment_method`.
export const completeSchema = z.object({ payment_method: z.string().max(100).nullish() });

export const webhookCreateSchema = z.object({
  name: z.string().trim().min(1).max(255),
  url: z.url({ protocol: /^https?$/ }).max(500),
});
export const webhookUpdateSchema = webhookCreateSchema.partial();

export const integrationSchema = z.object({ active: z.boolean() });
