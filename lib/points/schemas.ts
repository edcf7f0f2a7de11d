// Response shapes of the Points API (points-api.md §1.4, §2, §3.1). Lenient on
// purpose: unknown keys are kept and fields the docs are unsure about are
// nullable, so an additive change at Points does not break the dashboard.
import { z } from "zod";

// Laravel may serialise decimals as strings; both forms mean the same amount.
const amount = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v),
  z.number(),
);
const timestamp = z.iso.datetime({ offset: true });

// appended_data is usually {} but the toggle-integration example returns [] (§1.4).
export const appendedDataSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);
export type AppendedData = z.infer<typeof appendedDataSchema>;

// `data` is validated separately, so this only checks the envelope itself.
export const envelopeSchema = z.looseObject({
  status: z.boolean(),
  message: z.string().nullish(),
  appended_data: appendedDataSchema.nullish(),
  data: z.unknown(),
});

// Error bodies (§6) carry no `data`; anything missing is tolerated.
export const errorBodySchema = z.looseObject({
  status: z.boolean().optional(),
  message: z.string().nullish(),
  appended_data: appendedDataSchema.nullish(),
});

export const apiOrderSchema = z.looseObject({
  id: z.number().int().nullish(),
  // z.guid: Points' uuids are not promised to carry RFC version bits.
  uuid: z.guid(),
  reference_number: z.string().nullish(),
  order_status: z.string().min(1),
  status_label: z.string().nullish(),
  custom_status: z.object({ ar: z.string().nullish(), en: z.string().nullish() }).nullish(),
  order_number: z.string(),
  type: z.union([z.literal(1), z.literal(2)]),
  total_price: amount,
  total_points: amount,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  date: z.string().nullish(),
  time: z.string().nullish(),
  since: z.string().nullish(),
  settlement_status: z.string().nullish(),
  // Meaning UNKNOWN (§8.10): not the shipping enum, kept only as received.
  status: z.union([z.number(), z.string()]).nullish(),
  payment_status: z.string().nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp,
  items: z
    .array(
      z.looseObject({
        product_name: z.string().nullish(),
        product_price: amount.nullish(),
        quantity: amount.nullish(),
      }),
    )
    .nullish(),
});
export type ApiOrder = z.infer<typeof apiOrderSchema>;

// The answers of authorize/capture/complete/cancel/refund are UNKNOWN (§8.6, §8.8): the order
// resource, or nothing (null, [] or {}); null then means "re-read the order to know it".
const emptyData = z.union([z.null(), z.undefined(), z.array(z.never()).length(0), z.strictObject({})]);
export const actionOrderSchema = z.union([apiOrderSchema, emptyData.transform(() => null)]);

// Shape UNKNOWN (§8.11): only the flag is relied on.
export const pendingActivationSchema = z.looseObject({ pending_client_activation: z.literal(true) });

export const earningResultSchema = z.union([pendingActivationSchema, apiOrderSchema]);

export const checkoutResultSchema = z.looseObject({ checkout_url: z.url() });

export const webhookEndpointSchema = z.looseObject({
  uuid: z.guid(),
  merchant_id: z.number().int().nullish(),
  name: z.string(),
  url: z.string(),
  // Shown at creation only (§2 W2, §8.15).
  secret: z.string().optional(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

// Pagination format UNKNOWN (§8.16): a bare array, or a Laravel paginator object.
export const webhookListSchema = z.union([
  z.array(webhookEndpointSchema),
  z.looseObject({ data: z.array(webhookEndpointSchema) }).transform((page) => page.data),
]);

// Delete response UNKNOWN (§8.16): anything is accepted.
export const deleteResultSchema = z.unknown();

export const integrationStatusSchema = z.looseObject({ active: z.boolean() });
