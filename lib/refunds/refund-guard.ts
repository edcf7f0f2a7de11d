// The over-refund guard and the two-person rule, from the refund ledger. The
// threshold applies to what one order was refunded in the last 24 hours plus
// what is pending plus this request, so splitting a refund does not avoid it;
// a refund of unknown amount on the order always needs the second admin.
import type { Db, Tx } from "@/lib/db/prisma";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import type { PointsClient } from "@/lib/points/client";
import type { Notice } from "@/lib/result/action-result";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { loadRefundPosition, pendingRefunds } from "./refund-ledger";
import { refundedSince, type RefundPosition } from "./refund-position";

type LedgerOrder = Parameters<typeof loadRefundPosition>[1];

export const REFUND_WINDOW_MS = 24 * 60 * 60 * 1000;

/** `approvalReason`: why the refund waits for a second admin, or null when it may be sent now. */
export type RefundCheck =
  | { ok: false; message: string; notice: Notice }
  | { ok: true; approvalReason: { message: string; notice: Notice } | null };

/**
 * Where the ledger cannot tell an amount, reads the order fresh from Points first
 * (GET /orders/{uuid}): it may show the order fully refunded, which settles it.
 */
export async function refreshRefundPosition(
  db: Db,
  client: PointsClient,
  order: LedgerOrder,
): Promise<{ order: LedgerOrder; position: RefundPosition }> {
  const position = await loadRefundPosition(db, order);
  if (!position.unknown) return { order, position };
  try {
    await applyOrderSnapshot(db, snapshotFromApi(await client.getOrder(order.pointsUuid)));
  } catch {
    // Points could not be read: the amount stays unknown and the second admin decides.
    return { order, position };
  }
  const fresh = (await db.order.findUnique({ where: { pointsUuid: order.pointsUuid } })) ?? order;
  return { order: fresh, position: await loadRefundPosition(db, fresh) };
}

/** Serialises refund requests of one order until the transaction ends. */
export async function lockOrderRefunds(tx: Tx, orderUuid: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${orderUuid}, 0))`;
}

export async function checkRefund(
  tx: Tx,
  order: LedgerOrder,
  amount: number | undefined,
  thresholdSar: number,
  now = new Date(),
): Promise<RefundCheck> {
  const position = await loadRefundPosition(tx, order);
  const left = position.refundable;
  const requested = amount ?? left;
  if (requested > left)
    return {
      ok: false,
      message: `At most ${left.toFixed(2)} SAR is left to refund${position.unknown ? " (or less)" : ""}.`,
      notice: {
        key: position.unknown ? "OrderActions.notice.overRefundUnknown" : "OrderActions.notice.overRefund",
        values: { amount: left },
      },
    };
  if (position.unknown)
    return {
      ok: true,
      approvalReason: {
        message:
          "This order was refunded outside points-ops by an amount we do not know (check Points Business), so a second admin must approve: the request is waiting for approval.",
        notice: { key: "OrderActions.notice.approvalUnknownRefund" },
      },
    };
  const recent = refundedSince(position, new Date(now.getTime() - REFUND_WINDOW_MS));
  const pending = (await pendingRefunds(tx, order.pointsUuid)).map((p) => p.amount ?? left);
  const windowTotal = (recent ?? Infinity) + pending.reduce((a, b) => a + b, 0) + requested;
  if (windowTotal <= thresholdSar) return { ok: true, approvalReason: null };
  return {
    ok: true,
    approvalReason: {
      message: `Refunds above ${thresholdSar.toFixed(2)} SAR on one order within 24 hours (pending requests included) need a second admin: the request is waiting for approval.`,
      notice: { key: "OrderActions.notice.approvalThreshold", values: { amount: thresholdSar } },
    },
  };
}
