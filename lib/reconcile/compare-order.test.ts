import { describe, expect, it } from "vitest";
import type { ApiOrder } from "@/lib/points/schemas";
import { compareOrder, type OurOrder } from "./compare-order";
import { sliceOf } from "./select-orders";

const UUID = "550e8400-e29b-41d4-a716-446655440000";
const ours: OurOrder = {
  pointsUuid: UUID,
  orderNumber: "ORD-1",
  referenceNumber: "REF-1",
  orderStatus: "approved",
  paymentStatus: "fully_paid",
  totalPrice: "150.50",
  totalPoints: 1505,
  shippingStatus: null,
  shippingLabelAr: null,
  shippingLabelEn: null,
};
const theirs: ApiOrder = {
  uuid: UUID,
  order_number: "ORD-1",
  reference_number: "REF-1",
  order_status: "approved",
  payment_status: "fully_paid",
  type: 2,
  total_price: 150.5,
  total_points: 1505,
  updated_at: "2026-11-20T10:00:00.000Z",
};

describe("compareOrder", () => {
  it("equal orders: no difference, amounts compared to the halala", () => {
    expect(compareOrder(ours, theirs)).toEqual([]);
    expect(compareOrder({ ...ours, totalPrice: 150.5 }, { ...theirs, total_price: 150.499999 })).toEqual([]);
  });

  it("reports each differing field", () => {
    const d = compareOrder(
      {
        ...ours,
        orderStatus: "new",
        paymentStatus: "partially_paid",
        totalPrice: "150.51",
        totalPoints: 1500,
        referenceNumber: null,
      },
      theirs,
    );
    expect(d.map((x) => [x.field, x.ours, x.theirs, x.kind])).toEqual([
      ["order_status", "new", "approved", "mismatch"],
      ["payment_status", "partially_paid", "fully_paid", "mismatch"],
      ["total_price", "150.51", 150.5, "mismatch"],
      ["total_points", 1500, 1505, "mismatch"],
      ["reference_number", null, "REF-1", "mismatch"],
    ]);
  });

  it("ignores what Points does not report", () => {
    expect(
      compareOrder(
        { ...ours, paymentStatus: "partially_paid", shippingStatus: "delivered" },
        { ...theirs, payment_status: null, reference_number: null },
      ),
    ).toEqual([]);
  });

  it("shipping: status only when an enum value is present, labels only where both sides have one", () => {
    const withLabel = {
      ...theirs,
      status_label: "خرج للتوصيل",
      shipping_status: "delivery_is_in_progress",
    } as ApiOrder;
    expect(compareOrder({ ...ours, shippingLabelEn: "Out for delivery" }, withLabel).map((x) => x.field)).toEqual([
      "shipping_status",
    ]);
    expect(
      compareOrder({ ...ours, shippingLabelAr: "قيد التجهيز", shippingLabelEn: "Out for delivery" }, withLabel).map(
        (x) => x.field,
      ),
    ).toEqual(["shipping_status", "shipping_label_ar"]);
    // Webhooks told us the Arabic label only; the API also answers the English one.
    const bilingual = {
      ...theirs,
      shipping_status: "delivered",
      custom_status: { ar: "تم", en: "Delivered" },
    } as ApiOrder;
    expect(
      compareOrder({ ...ours, shippingStatus: "delivered", shippingLabelAr: "تم", shippingLabelEn: null }, bilingual),
    ).toEqual([]);
    const custom = { ...theirs, custom_status: { ar: "تم", en: "Delivered" } };
    expect(
      compareOrder({ ...ours, shippingStatus: "delivered", shippingLabelAr: "تم", shippingLabelEn: "Done" }, custom),
    ).toEqual([{ field: "shipping_label_en", ours: "Done", theirs: "Delivered", kind: "mismatch" }]);
  });

  it("missing on one side", () => {
    expect(compareOrder(ours, null)).toEqual([
      {
        field: "order",
        ours: { orderNumber: "ORD-1", orderStatus: "approved" },
        theirs: null,
        kind: "missing_at_points",
      },
    ]);
    expect(compareOrder(null, theirs)).toMatchObject([{ field: "order", ours: null, kind: "missing_here" }]);
  });
});

describe("sliceOf", () => {
  it("is stable and spreads uuids over the week", () => {
    expect(sliceOf(UUID)).toBe(sliceOf(UUID.toUpperCase()));
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 700; i++) counts[sliceOf(crypto.randomUUID())]++;
    for (const c of counts) expect(c).toBeGreaterThan(50);
  });
});
