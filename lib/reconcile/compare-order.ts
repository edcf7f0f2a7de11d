// Our order row vs Points' answer to GET /orders/{uuid}, field by field. Pure.
// A field Points' answer does not carry (payment_status, shipping, reference)
// is not compared: its absence says nothing, and applyOrderSnapshot would keep
// ours anyway, so healing could never make such a difference go away.
import type { ApiOrder } from "@/lib/points/schemas";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";

export type DifferenceKind = "mismatch" | "missing_at_points" | "missing_here";

export interface OurOrder {
  pointsUuid: string;
  orderNumber: string;
  referenceNumber: string | null;
  orderStatus: string;
  paymentStatus: string | null;
  /** Prisma Decimal, string or number: all compared to the halala. */
  totalPrice: { toString(): string } | number | string;
  totalPoints: number;
  shippingStatus: string | null;
  shippingLabelAr: string | null;
  shippingLabelEn: string | null;
}

export type JsonValue = string | number | boolean | null | { [k: string]: JsonValue };

export interface FieldDifference {
  field: string;
  ours: JsonValue;
  theirs: JsonValue;
  kind: DifferenceKind;
}

export const halalas = (v: OurOrder["totalPrice"]): number => Math.round(Number(String(v)) * 100);

export function compareOrder(ours: OurOrder | null, theirs: ApiOrder | null): FieldDifference[] {
  if (!ours && !theirs) return [];
  if (!theirs)
    return [
      {
        field: "order",
        ours: { orderNumber: ours!.orderNumber, orderStatus: ours!.orderStatus },
        theirs: null,
        kind: "missing_at_points",
      },
    ];
  if (!ours)
    return [
      {
        field: "order",
        ours: null,
        theirs: { orderNumber: theirs.order_number, orderStatus: theirs.order_status },
        kind: "missing_here",
      },
    ];

  const out: FieldDifference[] = [];
  const differ = (field: string, a: JsonValue, b: JsonValue) =>
    out.push({ field, ours: a, theirs: b, kind: "mismatch" });

  if (ours.orderStatus !== theirs.order_status) differ("order_status", ours.orderStatus, theirs.order_status);
  if (theirs.payment_status != null && ours.paymentStatus !== theirs.payment_status)
    differ("payment_status", ours.paymentStatus, theirs.payment_status);
  if (halalas(ours.totalPrice) !== halalas(theirs.total_price))
    differ("total_price", String(ours.totalPrice), theirs.total_price);
  if (Number(ours.totalPoints) !== Number(theirs.total_points))
    differ("total_points", ours.totalPoints, theirs.total_points);
  if (theirs.reference_number != null && ours.referenceNumber !== theirs.reference_number) {
    differ("reference_number", ours.referenceNumber, theirs.reference_number);
  }

  const shipping = snapshotFromApi(theirs).shipping;
  if (shipping) {
    if (shipping.status !== null && ours.shippingStatus !== shipping.status)
      differ("shipping_status", ours.shippingStatus, shipping.status);
    // A label is compared only where both sides have one. A lone label fills one
    // language, and webhooks carry a single `status_label` while the API answers
    // both, so a language we were never told is missing knowledge, not a
    // disagreement (a missed shipping update shows in shipping_status).
    if (shipping.labelAr !== null && ours.shippingLabelAr !== null && ours.shippingLabelAr !== shipping.labelAr) {
      differ("shipping_label_ar", ours.shippingLabelAr, shipping.labelAr);
    }
    if (shipping.labelEn !== null && ours.shippingLabelEn !== null && ours.shippingLabelEn !== shipping.labelEn) {
      differ("shipping_label_en", ours.shippingLabelEn, shipping.labelEn);
    }
  }
  return out;
}
