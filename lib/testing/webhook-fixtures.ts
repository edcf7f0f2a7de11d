// Webhook envelopes as Points sends them (points-api.md §4.2), for tests and benchmarks.
import { randomUUID } from "node:crypto";

export interface FixtureOrder {
  id: string;
  order_number: string;
  reference_number: string | null;
  type: "earning" | "replacing";
  total_price: number;
  total_points: number;
  payment_status: string;
  order_status: string;
  metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  [extra: string]: unknown;
}

export function fixtureOrder(overrides: Partial<FixtureOrder> = {}): FixtureOrder {
  const n = Math.floor(Math.random() * 1e9);
  return {
    id: randomUUID(),
    order_number: `ORD-TEST-${n}`,
    reference_number: `REF-${n}`,
    type: "replacing",
    total_price: 150.75,
    total_points: 500,
    payment_status: "fully_paid",
    order_status: "approved",
    metadata: { source: "test" },
    created_at: "2026-04-18T10:00:00.000Z",
    updated_at: "2026-04-18T10:05:12.000Z",
    ...overrides,
  };
}

export function envelope(event: string, order: FixtureOrder) {
  return { event, order, timestamp: order.updated_at };
}

/** The same order after `seconds` more, with some fields changed. */
export function later(order: FixtureOrder, seconds: number, changes: Partial<FixtureOrder> = {}): FixtureOrder {
  const updated = new Date(new Date(order.updated_at).getTime() + seconds * 1000).toISOString();
  return { ...order, ...changes, updated_at: updated };
}

/** A POST to the receiver as Points sends it: JSON, with the given secret (headers may override or add). */
export function webhookRequest(body: unknown, secret: string, headers: Record<string, string> = {}): Request {
  return new Request("http://local/api/webhooks/points", {
    method: "POST",
    headers: { "content-type": "application/json", "x-webhook-secret": secret, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
