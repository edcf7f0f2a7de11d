import { describe, expect, it } from "vitest";
import { envelope, fixtureOrder, later } from "@/lib/testing/webhook-fixtures";
import { dedupeKey } from "@/lib/webhooks/dedupe-key";
import { parseEnvelope, WEBHOOK_EVENTS } from "./envelope";

const parse = (body: unknown) => parseEnvelope(JSON.stringify(body));

describe("parseEnvelope", () => {
  it.each(WEBHOOK_EVENTS)("accepts the documented envelope for %s", (event) => {
    const result = parse(envelope(event, fixtureOrder()));
    expect(result.ok).toBe(true);
  });

  it("keeps unknown extra fields instead of rejecting them", () => {
    const result = parse({ ...envelope("approved", fixtureOrder({ loyalty_tier: "gold" })), delivery_id: "x1" });
    expect(result.ok && result.envelope.order.loyalty_tier).toBe("gold");
    expect(result.ok && (result.envelope as Record<string, unknown>).delivery_id).toBe("x1");
  });

  it("accepts timestamps with offsets and microseconds", () => {
    const order = fixtureOrder({ updated_at: "2026-04-18T13:05:12.123456+03:00" });
    expect(parse(envelope("approved", order)).ok).toBe(true);
  });

  it("accepts the numeric order type of the API", () => {
    const result = parse(envelope("approved", fixtureOrder({ type: 1 as never })));
    expect(result.ok && result.envelope.order.type).toBe("earning");
  });

  it.each([
    ["not JSON", "{oops", "body is not valid JSON"],
    [
      "an event that is not a name",
      JSON.stringify(envelope("paid now!", fixtureOrder())),
      "event must be an event name",
    ],
    [
      "a non-uuid order id",
      JSON.stringify(envelope("approved", fixtureOrder({ id: "42" }))),
      "order.id must be the order's uuid",
    ],
    [
      "no updated_at",
      JSON.stringify(envelope("approved", fixtureOrder({ updated_at: undefined }))),
      "order.updated_at",
    ],
    [
      "a bad updated_at",
      JSON.stringify(envelope("approved", fixtureOrder({ updated_at: "yesterday" }))),
      "order.updated_at must be an ISO 8601 timestamp",
    ],
    ["no order", JSON.stringify({ event: "approved" }), "order"],
  ])("rejects %s with a message naming the field", (_name, raw, message) => {
    const result = parseEnvelope(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });
});

describe("an event this version does not know", () => {
  it("is a well-formed envelope, returned as unsupported", () => {
    const result = parse(envelope("points_transferred", fixtureOrder()));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.unsupported?.event).toBe("points_transferred");
    expect(!result.ok && result.error).toContain("not supported");
  });

  it("with an order that is not well-formed is simply invalid", () => {
    const result = parse(envelope("points_transferred", fixtureOrder({ total_price: "0x10" as never })));
    expect(!result.ok && result.unsupported).toBeUndefined();
  });
});

describe("dedupeKey", () => {
  const order = fixtureOrder();
  const key = (event: string, o = order) => {
    const r = parse(envelope(event, o));
    if (!r.ok) throw new Error(r.error);
    return dedupeKey(r.envelope);
  };

  it("is the same for a repeated delivery", () => {
    expect(key("approved")).toBe(key("approved"));
  });

  it("differs for a second partial refund of the same order", () => {
    const first = later(order, 60, { order_status: "partially_refunded" });
    const second = later(order, 120, { order_status: "partially_refunded" });
    expect(key("refunded", first)).not.toBe(key("refunded", second));
  });

  it("differs for successive shipping updates, even within the same updated_at", () => {
    const a = { ...order, status: "ready_shipping", status_label: "جاهز للشحن" };
    const b = { ...order, status: "delivered", status_label: "تم التوصيل" };
    expect(key("shipping_status_updated", a)).not.toBe(key("shipping_status_updated", b));
  });

  it("differs for a partial and a full refund in the same second", () => {
    const partial = later(order, 60, { order_status: "partially_refunded" });
    const full = { ...partial, order_status: "fully_refunded" };
    expect(key("refunded", partial)).not.toBe(key("refunded", full));
  });

  it("differs for two partial refunds in the same second by their refund figures", () => {
    const first = later(order, 60, { order_status: "partially_refunded", refund_amount: 50, refunded_total: 50 });
    const second = { ...first, refund_amount: 30, refunded_total: 80 };
    expect(key("refunded", first)).not.toBe(key("refunded", second));
  });

  it("ignores undocumented extras and metadata key order, so a retry is still a repeat", () => {
    const retry = {
      ...order,
      delivery_attempt: 2,
      metadata: Object.fromEntries(Object.entries(order.metadata!).reverse()),
    };
    expect(key("approved", retry)).toBe(key("approved"));
  });

  it("differs per event for the same snapshot", () => {
    expect(key("approved")).not.toBe(key("completed"));
  });
});
