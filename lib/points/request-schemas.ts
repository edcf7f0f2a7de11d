// Request bodies of the Points API (points-api.md §2). Server actions validate
// user input with these; the client sends what it is given, so Points remains
// the authority on what it accepts (e.g. an empty shipping body → 422).
import { z } from "zod";

const money = z.number().min(0);
const optionalMoney = money.nullish();
const metadata = z.record(z.string(), z.unknown());
// Full field list UNKNOWN (§2 E1): every sub-field optional, extra ones kept.
const shippingAddress = z.looseObject({ city: z.string().optional(), line1: z.string().optional() });

export const productSchema = z.object({
  product_name: z.string().min(1).max(255),
  product_price: money,
  quantity: z.number().int().min(1),
});

// E1
export const earningRequestSchema = z.object({
  phone_number: z.string().min(9).max(20),
  total_price: money,
  order_number: z.string().trim().min(1).max(255),
  products: z.array(productSchema).min(1),
  name: z.string().max(255).optional(),
  shipping_amount: money.optional(),
  tax_amount: money.optional(),
  discount_amount: money.optional(),
  shipping_address: shippingAddress.optional(),
  metadata: metadata.optional(),
});
export type EarningRequest = z.infer<typeof earningRequestSchema>;

// E2; required-ness of rating/comment UNKNOWN (§8.24).
export const storeRatingRequestSchema = z.object({
  phone_number: z.string().min(9).max(20),
  review_reference: z.string().trim().min(1).max(255),
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().optional(),
  metadata: metadata.optional(),
});
export type StoreRatingRequest = z.infer<typeof storeRatingRequestSchema>;

// E3
export const productRatingRequestSchema = storeRatingRequestSchema.extend({
  product_id: z.string().optional(),
  product_name: z.string().max(255).optional(),
});
export type ProductRatingRequest = z.infer<typeof productRatingRequestSchema>;

// E4
export const checkoutRequestSchema = z.object({
  total_price: money,
  order_number: z.string().trim().min(1).max(255),
  phone_number: z.string().min(9).max(20).nullish(),
  name: z.string().max(255).nullish(),
  shipping_amount: optionalMoney,
  tax_amount: optionalMoney,
  discount_amount: optionalMoney,
  shipping_address: shippingAddress.optional(),
  products: z.array(productSchema).min(1).nullish(),
  metadata: metadata.optional(),
  callback_url: z.url({ protocol: /^https?$/ }),
});
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

// E8: the payment-method field name is UNKNOWN (§8.6); the double accepts this one.
export const completeRequestSchema = z.object({ payment_method: z.string().max(100).optional() });
export type CompleteRequest = z.infer<typeof completeRequestSchema>;

// E9
export const cancelRequestSchema = z.object({ reason: z.string().trim().max(500).optional() });
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

// E10: no amount = full refund; reason max length UNKNOWN, 500 like cancel.
export const refundRequestSchema = z.object({
  amount: z.number().positive().multipleOf(0.01).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type RefundRequest = z.infer<typeof refundRequestSchema>;

export const SHIPPING_STATUSES = [
  "new",
  "license_in_progress",
  "ready_shipping",
  "delivery_is_in_progress",
  "delivered",
  "cancelled",
] as const;
export type ShippingStatus = (typeof SHIPPING_STATUSES)[number];

// E11: at least one field, or Points answers 422.
export const shippingRequestSchema = z
  .object({
    status: z.enum(SHIPPING_STATUSES).optional(),
    name_ar: z.string().trim().min(1).max(120).optional(),
    name_en: z.string().trim().min(1).max(120).optional(),
  })
  .refine((b) => b.status !== undefined || b.name_ar !== undefined || b.name_en !== undefined, {
    message: "Give a shipping status or a label (Arabic or English)",
  });
export type ShippingRequest = z.infer<typeof shippingRequestSchema>;

// W2
export const webhookCreateRequestSchema = z.object({
  name: z.string().trim().min(1).max(255),
  // Points wants public HTTPS; plain http stays allowed for the local sandbox double.
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(500),
});
export type WebhookCreateRequest = z.infer<typeof webhookCreateRequestSchema>;

// W4
export const webhookUpdateRequestSchema = webhookCreateRequestSchema
  .partial()
  .refine((b) => b.name !== undefined || b.url !== undefined, { message: "Give a name or a URL" });
export type WebhookUpdateRequest = z.infer<typeof webhookUpdateRequestSchema>;
