// The webhook envelope of points-api.md §4.2. Unknown keys are kept (Points
// describes the order as "OrderResource plus per-event extras").
import { z } from "zod";

export const WEBHOOK_EVENTS = [
  "approved",
  "authorized",
  "captured",
  "cancelled",
  "completed",
  "refunded",
  "auto_refunded",
  "shipping_status_updated",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const timestamp = z.iso.datetime({ offset: true, error: "must be an ISO 8601 timestamp" });
const money = z.coerce.number({ error: "must be a number" }).refine(Number.isFinite, "must be a number");

// Webhooks use strings; the API's numeric form is accepted too, defensively.
const orderType = z.union([
  z.enum(["earning", "replacing"]),
  z.literal(1).transform(() => "earning" as const),
  z.literal(2).transform(() => "replacing" as const),
]);

export const webhookOrderSchema = z.looseObject({
  id: z.uuid({ error: "must be the order's uuid" }),
  reference_number: z.string().nullish(),
  order_number: z.string().min(1, "is required"),
  type: orderType,
  total_price: money,
  total_points: z.coerce.number().int().default(0),
  payment_status: z.string().nullish(),
  order_status: z.string().min(1, "is required"),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp,
  // per-event extras (§4.3)
  reason: z.string().nullish(),
  status: z.union([z.string(), z.number()]).nullish(),
  status_label: z.string().nullish(),
  custom_status: z.object({ ar: z.string().nullish(), en: z.string().nullish() }).nullish(),
  // ASSUMPTION (docs/architecture.md): not documented; used when present
  refund_amount: money.nullish(),
  refunded_total: money.nullish(),
});

export const webhookEnvelopeSchema = z.looseObject({
  event: z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(", ")}` }),
  order: webhookOrderSchema,
  timestamp: timestamp.nullish(),
});

export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export type EnvelopeResult = { ok: true; envelope: WebhookEnvelope } | { ok: false; error: string };

export function parseEnvelope(rawBody: string): EnvelopeResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, error: "body is not valid JSON" };
  }
  const parsed = webhookEnvelopeSchema.safeParse(json);
  if (parsed.success) return { ok: true, envelope: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.join(".") : "body";
  return { ok: false, error: `${where} ${issue.message}` };
}

/**
 * The docs suggest deduping on (order.id, event), which would drop a second
 * partial refund and every later shipping update. A delivery is a repeat only
 * when the same order snapshot comes again: same event and same updated_at;
 * shipping updates also carry their status and label (points-api.md §4.5).
 */
export function dedupeKey({ event, order }: WebhookEnvelope): string {
  const parts = [order.id, event, order.updated_at];
  if (event === "shipping_status_updated") parts.push(String(order.status ?? ""), order.status_label ?? "");
  return parts.join("|");
}
