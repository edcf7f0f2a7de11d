// The key that tells a repeat of a delivery from a new one. The docs suggest
// (order.id, event), which would drop a second partial refund and every later
// shipping update; (order.id, event, updated_at) still drops one when Points'
// timestamps have whole seconds and two changes fall in the same second. So a
// delivery is a repeat only when the same snapshot comes again: same order,
// event and updated_at, and the same documented snapshot fields (points-api.md
// §4.2–4.3: status, amounts, refund figures, shipping status and label, …),
// compared through a hash. Undocumented extras are left out, so a retry that
// adds a delivery id or a send time is still recognised as a repeat.
import { createHash } from "node:crypto";
import type { ParsedEnvelope, WebhookOrder } from "@/lib/points/envelope";

const SNAPSHOT_FIELDS = [
  "order_number",
  "reference_number",
  "type",
  "order_status",
  "payment_status",
  "total_price",
  "total_points",
  "metadata",
  "created_at",
  "reason",
  "status",
  "status_label",
  "custom_status",
  "refund_amount",
  "refunded_total",
] as const satisfies readonly (keyof WebhookOrder)[];

/** JSON with object keys sorted, so the same metadata hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

export function dedupeKey({ event, order }: Pick<ParsedEnvelope, "event" | "order">): string {
  const snapshot = createHash("sha256")
    .update(canonical(SNAPSHOT_FIELDS.map((field) => order[field])))
    .digest("base64url")
    .slice(0, 22);
  return [order.id, event, order.updated_at, snapshot].join("|");
}
