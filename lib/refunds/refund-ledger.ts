// Reading and writing the refund ledger (refund_ledger). Refunds Points shows
// are written by applyOrderSnapshots; refunds it accepted from us, here.
import type { Client } from "@/lib/db/prisma";
import { refundPosition, type LedgerRow, type RefundPosition } from "./refund-position";

export async function loadRefundPosition(
  db: Client,
  order: { pointsUuid: string; totalPrice: { toString(): string } | number; orderStatus: string },
): Promise<RefundPosition> {
  const rows = await db.refundLedgerEntry.findMany({ where: { orderUuid: order.pointsUuid } });
  const ledger: LedgerRow[] = rows.map((r) => ({
    source: r.source,
    amount: r.amount === null ? null : Number(r.amount),
    reportedTotal: r.reportedTotal === null ? null : Number(r.reportedTotal),
    pointsUpdatedAt: r.pointsUpdatedAt,
    event: r.event,
    recordedAt: r.recordedAt,
  }));
  return refundPosition({ totalPrice: Number(String(order.totalPrice)), orderStatus: order.orderStatus }, ledger);
}

/**
 * A refund Points accepted from us. `amount` null: a full refund (no amount sent), whose
 * size is the order's remainder at Points. `pointsUpdatedAt`: the order's updated_at right
 * after it, which the refund's webhook will carry too.
 */
export async function recordAcceptedRefund(
  db: Client,
  entry: { intentId: string; orderUuid: string; amount: number | null; pointsUpdatedAt: string | null },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO refund_ledger (id, order_uuid, source, amount, points_updated_at, intent_id)
    VALUES (gen_random_uuid(), ${entry.orderUuid}::uuid, 'points_ops', ${entry.amount}::numeric,
            ${entry.pointsUpdatedAt}::timestamptz, ${entry.intentId}::uuid)
    ON CONFLICT DO NOTHING`;
}

/** Refund requests of the order not settled yet: waiting for approval, being sent, or of unknown outcome. */
export async function pendingRefunds(db: Client, orderUuid: string): Promise<Array<{ amount: number | null }>> {
  const intents = await db.actionIntent.findMany({
    where: { orderUuid, kind: "refund", status: { in: ["pending_approval", "sending", "unknown"] } },
    select: { params: true },
  });
  return intents.map(({ params }) => {
    const amount = (params as { amount?: unknown } | null)?.amount;
    return { amount: typeof amount === "number" ? amount : null };
  });
}
