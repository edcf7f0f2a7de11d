// Projects a Points order snapshot (from a webhook or GET /orders/{uuid}) into
// our order store. Right whatever the arrival order: a snapshot older than the
// one already applied changes nothing, judged by Points' updated_at, separately
// for the financial fields and for the shipping fields (a late shipping event
// must not be lost behind a newer refund, nor overwrite a newer shipping status).
// Applying the same snapshot twice changes nothing.
import type { Db } from "@/lib/db/prisma";

export interface OrderSnapshot {
  uuid: string;
  orderNumber: string;
  referenceNumber: string | null;
  type: "earning" | "replacing";
  orderStatus: string;
  paymentStatus: string | null;
  totalPrice: number;
  totalPoints: number;
  metadata: Record<string, unknown> | null;
  createdAt: string | null;
  updatedAt: string;
  /** Present only when the snapshot says something about shipping. */
  shipping?: { status: string | null; labelAr: string | null; labelEn: string | null };
  /** SAR refunded so far, when the source tells it. */
  refundedTotal?: number | null;
}

export type ApplyOutcome = "created" | "updated" | "stale";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function applyOrderSnapshot(db: Db | Tx, s: OrderSnapshot): Promise<ApplyOutcome> {
  const metadata = s.metadata === null ? null : JSON.stringify(s.metadata);
  const shippingAt = s.shipping ? s.updatedAt : null;
  const refunded = refundedAmount(s);

  const rows = await db.$queryRaw<Array<{ inserted: boolean }>>`
    INSERT INTO orders (id, points_uuid, order_number, reference_number, type, order_status, payment_status,
                        total_price, total_points, refunded_amount, shipping_status, shipping_label_ar, shipping_label_en,
                        shipping_updated_at, metadata, points_created_at, points_updated_at, updated_at)
    VALUES (gen_random_uuid(), ${s.uuid}::uuid, ${s.orderNumber}, ${s.referenceNumber}, ${s.type}::"OrderType",
            ${s.orderStatus}, ${s.paymentStatus}, ${s.totalPrice}, ${s.totalPoints}, ${refunded ?? 0},
            ${s.shipping?.status ?? null}, ${s.shipping?.labelAr ?? null}, ${s.shipping?.labelEn ?? null},
            ${shippingAt}::timestamptz, ${metadata}::jsonb, ${s.createdAt}::timestamptz, ${s.updatedAt}::timestamptz, now())
    ON CONFLICT (points_uuid) DO UPDATE SET
      order_number = EXCLUDED.order_number,
      reference_number = COALESCE(EXCLUDED.reference_number, orders.reference_number),
      type = EXCLUDED.type,
      order_status = EXCLUDED.order_status,
      payment_status = COALESCE(EXCLUDED.payment_status, orders.payment_status),
      total_price = EXCLUDED.total_price,
      total_points = EXCLUDED.total_points,
      metadata = EXCLUDED.metadata,
      points_created_at = COALESCE(orders.points_created_at, EXCLUDED.points_created_at),
      points_updated_at = EXCLUDED.points_updated_at,
      updated_at = now()
    WHERE orders.points_updated_at < EXCLUDED.points_updated_at
    RETURNING (xmax = 0) AS inserted`;
  let outcome: ApplyOutcome = rows[0] ? (rows[0].inserted ? "created" : "updated") : "stale";
  if (outcome === "created") return outcome;

  if (s.shipping) {
    const changed = await db.$executeRaw`
      UPDATE orders SET shipping_status = COALESCE(${s.shipping.status}, shipping_status),
                        shipping_label_ar = ${s.shipping.labelAr}, shipping_label_en = ${s.shipping.labelEn},
                        shipping_updated_at = ${shippingAt}::timestamptz, updated_at = now()
      WHERE points_uuid = ${s.uuid}::uuid AND (shipping_updated_at IS NULL OR shipping_updated_at < ${shippingAt}::timestamptz)`;
    if (changed && outcome === "stale") outcome = "updated";
  }
  if (refunded !== null) {
    // Refunds only ever grow, so the largest figure seen is the right one in any order.
    await db.$executeRaw`
      UPDATE orders SET refunded_amount = ${refunded}, updated_at = now()
      WHERE points_uuid = ${s.uuid}::uuid AND refunded_amount < ${refunded}`;
  }
  return outcome;
}

function refundedAmount(s: OrderSnapshot): number | null {
  if (s.refundedTotal !== undefined && s.refundedTotal !== null) return s.refundedTotal;
  if (s.orderStatus === "fully_refunded") return s.totalPrice;
  return null;
}
