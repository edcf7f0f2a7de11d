// The webhook envelope of points-api.md §4.2. Unknown keys are kept (Points
// describes the order as "OrderResource plus per-event extras"). Every value
// is checked against what our store can hold and what Points can mean, so that
// a delivery we acknowledge can always be applied: what fails is answered 400
// and kept as rejected (docs/architecture.md, "What the receiver refuses").
// No Node imports: the delivery log's filter form (a client component) loads WEBHOOK_EVENTS.
import { z } from "zod";
import { jsonProblem, nestingDepth } from "./json-limits";

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

export const isKnownEvent = (event: string | null): event is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly (string | null)[]).includes(event);

/** Nesting of the whole body; the envelope itself needs 3 levels, metadata a few more. */
export const MAX_BODY_DEPTH = 32;
export const MAX_METADATA_DEPTH = 10;
export const MAX_METADATA_BYTES = 16 * 1024;
/** numeric(12,2): the order's money columns. */
export const MAX_AMOUNT = 9_999_999_999.99;
/** int4: orders.total_points. */
export const MAX_POINTS = 2_147_483_647;

// ISO 8601 with an offset, as Points sends them. PostgreSQL keeps microseconds
// and rounds finer digits, so up to 9 are accepted; years outside 1970–9999
// (year 0000 does not exist for PostgreSQL) and offsets beyond ±14:00 cannot be
// an order's time.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(10000, 0, 1);
const timestamp = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 timestamp" })
  .refine((v) => (/\.(\d+)/.exec(v)?.[1]?.length ?? 0) <= 9, "must have at most 9 fraction digits")
  .refine((v) => {
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(v);
    return !offset || Number(offset[2]) * 60 + Number(offset[3]) <= 14 * 60;
  }, "must have a UTC offset within ±14:00")
  .refine((v) => {
    const t = Date.parse(v);
    return t >= EARLIEST && t < LATEST;
  }, "must be between 1970 and 9999");

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

// Money is a JSON number or a plain decimal string ("150.75"), never null,
// a boolean, an array, "", hex or an exponent string: those are not amounts,
// and coercing them (false → 0.00) would store a price Points never sent.
const DECIMAL = /^\d{1,13}(\.\d{1,20})?$/;
const amount = z.unknown().transform((value, ctx) => {
  const n = typeof value === "number" ? value : typeof value === "string" && DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: "must be an amount in SAR (a number)" });
    return z.NEVER;
  }
  // The column keeps halalas; a finer figure is rounded as PostgreSQL would.
  const rounded = Math.round(n * 100) / 100;
  if (rounded < 0 || rounded > MAX_AMOUNT) {
    ctx.addIssue({ code: "custom", message: `must be between 0 and ${MAX_AMOUNT}` });
    return z.NEVER;
  }
  return rounded;
});

const points = z.unknown().transform((value, ctx) => {
  if (value === undefined) return 0;
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_POINTS) {
    ctx.addIssue({ code: "custom", message: `must be a whole number of points between 0 and ${MAX_POINTS}` });
    return z.NEVER;
  }
  return n;
});

const metadata = z
  .record(z.string(), z.unknown())
  .refine(
    (m) => nestingDepth(m, MAX_METADATA_DEPTH) <= MAX_METADATA_DEPTH,
    `must not be nested more than ${MAX_METADATA_DEPTH} levels deep`,
  )
  .refine(
    (m) => new TextEncoder().encode(JSON.stringify(m)).byteLength <= MAX_METADATA_BYTES,
    `must be at most ${MAX_METADATA_BYTES / 1024} KiB as JSON`,
  );

// Webhooks use strings; the API's numeric form is accepted too, defensively.
const orderType = z.union([
  z.enum(["earning", "replacing"]),
  z.literal(1).transform(() => "earning" as const),
  z.literal(2).transform(() => "replacing" as const),
]);

// Lengths: Points documents 255 for names and 500 for a cancel reason, 120 for
// shipping labels; statuses are short enums. Each also fits the btree indexes
// on order_number, order_status and shipping_status.
export const webhookOrderSchema = z.looseObject({
  id: z.uuid({ error: "must be the order's uuid" }),
  reference_number: text(255).nullish(),
  order_number: text(255).min(1, "is required"),
  type: orderType,
  total_price: amount,
  total_points: points,
  payment_status: text(64).nullish(),
  order_status: text(64).min(1, "is required"),
  metadata: metadata.nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp,
  // per-event extras (§4.3)
  reason: text(1_000).nullish(),
  status: z.union([text(64), z.int().min(0).max(MAX_POINTS)]).nullish(),
  status_label: text(255).nullish(),
  custom_status: z.object({ ar: text(255).nullish(), en: text(255).nullish() }).nullish(),
  // ASSUMPTION (docs/architecture.md): not documented; used when present
  refund_amount: amount.nullish(),
  refunded_total: amount.nullish(),
});

// Points may add an event tomorrow: any short event name is a well-formed
// envelope; one this version does not know is kept as unsupported.
const eventName = z
  .string({ error: "must be an event name" })
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "must be an event name (letters, digits and _ . : -, at most 64)");

export const webhookEnvelopeSchema = z.looseObject({
  event: eventName,
  order: webhookOrderSchema,
  timestamp: timestamp.nullish(),
});

export type ParsedEnvelope = z.infer<typeof webhookEnvelopeSchema>;
export type WebhookEnvelope = ParsedEnvelope & { event: WebhookEvent };
export type WebhookOrder = ParsedEnvelope["order"];

export type EnvelopeResult =
  | { ok: true; envelope: WebhookEnvelope }
  /** `unsupported`: well-formed, but its event is not one this version knows. */
  | { ok: false; error: string; unsupported?: ParsedEnvelope };

export function parseEnvelope(rawBody: string): EnvelopeResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    // V8's parser recurses: a hostile nesting ends as a RangeError.
    return { ok: false, error: error instanceof RangeError ? "body is nested too deeply" : "body is not valid JSON" };
  }
  const problem = jsonProblem(json, MAX_BODY_DEPTH);
  if (problem) return { ok: false, error: problem };
  const parsed = webhookEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "body";
    return { ok: false, error: `${where} ${issue.message}` };
  }
  const envelope = parsed.data;
  if (isKnownEvent(envelope.event)) return { ok: true, envelope: envelope as WebhookEnvelope };
  return { ok: false, error: `event "${envelope.event}" is not supported by this version`, unsupported: envelope };
}
