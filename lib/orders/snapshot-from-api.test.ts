import { describe, expect, it } from "vitest";
import { apiOrderSchema } from "@/lib/points/schemas";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";

// The docs' example order (points-api.md §3.1).
const DOCS_ORDER = {
  id: 42,
  uuid: "550e8400-e29b-41d4-a716-446655440000",
  reference_number: "REF-2024-001234",
  order_status: "approved",
  status_label: "خرج للتوصيل",
  custom_status: { ar: "خرج للتوصيل", en: "Out for delivery" },
  order_number: "ORD-2024-001234",
  type: 1,
  total_price: 150.5,
  total_points: 1505,
  metadata: { source: "mobile_app" },
  date: "2024-12-23T00:00:00.000Z",
  time: "10:00:00",
  since: "2 hours ago",
  settlement_status: "settled",
  status: 1,
  created_at: "2024-12-23T10:00:00.000Z",
  updated_at: "2024-12-23T15:30:00.000Z",
  items: [{ product_name: "Cappuccino", product_price: 18.5, quantity: 2 }],
};

describe("snapshotFromApi", () => {
  it("maps the documented order; the numeric status is not taken as the shipping status", () => {
    const snapshot = snapshotFromApi(apiOrderSchema.parse(DOCS_ORDER));
    expect(snapshot).toEqual({
      uuid: DOCS_ORDER.uuid,
      orderNumber: "ORD-2024-001234",
      referenceNumber: "REF-2024-001234",
      type: "earning",
      orderStatus: "approved",
      paymentStatus: null,
      totalPrice: 150.5,
      totalPoints: 1505,
      metadata: { source: "mobile_app" },
      createdAt: "2024-12-23T10:00:00.000Z",
      updatedAt: "2024-12-23T15:30:00.000Z",
      shipping: { status: null, labelAr: "خرج للتوصيل", labelEn: "Out for delivery" },
      refundedTotal: null,
      phones: [],
      // What only the API returns (§3.1), kept for the order page.
      details: {
        items: [{ product_name: "Cappuccino", product_price: 18.5, quantity: 2 }],
        settlementStatus: "settled",
        date: "2024-12-23T00:00:00.000Z",
        time: "10:00:00",
      },
    });
  });

  it("finds Saudi mobiles in the merchant's metadata and in phone-named Points fields", () => {
    const snapshot = snapshotFromApi({
      ...DOCS_ORDER,
      metadata: {
        source: "whatsapp",
        contact: { mobile: "+966 55 123 4567" },
        branch: "RUH-01",
        whatsapp_number: 512345678,
      },
      customer_phone: "0599999999",
    } as never);
    expect(snapshot.phones?.sort()).toEqual(["512345678", "551234567", "599999999"]);
  });

  it("sets shipping only when a label is present, and reads a lone label by its script", () => {
    const bare = apiOrderSchema.parse({ ...DOCS_ORDER, type: 2, status_label: null, custom_status: null });
    expect(snapshotFromApi(bare)).toMatchObject({ type: "replacing", shipping: undefined });
    const english = apiOrderSchema.parse({
      ...DOCS_ORDER,
      status_label: "Packed",
      custom_status: null,
      shipping_status: "ready_shipping",
    });
    expect(snapshotFromApi(english, { refundedTotal: 20 })).toMatchObject({
      shipping: { status: "ready_shipping", labelAr: null, labelEn: "Packed" },
      refundedTotal: 20,
    });
  });

  it("keeps unknown keys and accepts decimal strings", () => {
    const parsed = apiOrderSchema.parse({ ...DOCS_ORDER, total_price: "150.50", new_field: true });
    expect(parsed).toMatchObject({ total_price: 150.5, new_field: true });
  });
});
