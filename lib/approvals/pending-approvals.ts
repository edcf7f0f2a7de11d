// The approvals inbox: two-person refunds waiting for a second admin, and the
// ones that waited too long. A request expires REFUND_APPROVAL_EXPIRY_HOURS
// after it was made; expiry is applied when the inbox is read and when
// someone tries to decide it, so no timer is needed and a stale request can
// never be approved.
import type { Db } from "@/lib/db/prisma";

// Expired requests stay listed this long, so their requester can see what became of them.
const SHOW_EXPIRED_FOR_MS = 7 * 24 * 3_600_000;
const MAX_LISTED = 200;

/** Marks every pending request older than the expiry as expired; answers how many. */
export async function expireStaleApprovals(db: Db, expiryMs: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - expiryMs);
  const expired = await db.$queryRaw<Array<{ id: string; order_uuid: string }>>`
    UPDATE action_intents
       SET status = 'expired', decided_at = ${now}, updated_at = ${now},
           result_message = 'Expired: no second admin decided it in time; Points was not called.'
     WHERE status = 'pending_approval' AND created_at <= ${cutoff}
    RETURNING id::text, order_uuid::text`;
  if (expired.length > 0)
    await db.auditLog.createMany({
      data: expired.map((e) => ({
        actorId: null,
        action: "order.refund_expired",
        target: e.order_uuid,
        detail: { intentId: e.id, outcome: "expired" },
      })),
    });
  return expired.length;
}

/** For the navigation: requests still waiting (not yet expired). One indexed count, no writes. */
export function pendingApprovalCount(db: Db, expiryMs: number, now = new Date()): Promise<number> {
  return db.actionIntent.count({
    where: { status: "pending_approval", createdAt: { gt: new Date(now.getTime() - expiryMs) } },
  });
}

export interface ApprovalRow {
  id: string;
  orderUuid: string;
  orderNumber: string | null;
  /** SAR asked for; null = everything left. */
  amount: number | null;
  reason: string | null;
  status: "pending_approval" | "expired";
  requestedById: string;
  requestedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Pending requests (oldest first, the next to expire on top), then the recently expired. */
export async function listApprovals(db: Db, expiryMs: number, now = new Date()): Promise<ApprovalRow[]> {
  await expireStaleApprovals(db, expiryMs, now);
  const intents = await db.actionIntent.findMany({
    where: {
      kind: "refund",
      OR: [
        { status: "pending_approval" },
        { status: "expired", decidedAt: { gt: new Date(now.getTime() - SHOW_EXPIRED_FOR_MS) } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: MAX_LISTED,
  });
  const [orders, users] = await Promise.all([
    db.order.findMany({
      where: { pointsUuid: { in: [...new Set(intents.map((i) => i.orderUuid))] } },
      select: { pointsUuid: true, orderNumber: true },
    }),
    db.user.findMany({
      where: { id: { in: [...new Set(intents.map((i) => i.requestedById))] } },
      select: { id: true, name: true },
    }),
  ]);
  const numberOf = new Map(orders.map((o) => [o.pointsUuid, o.orderNumber]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const rows = intents.map((i): ApprovalRow => {
    const p = (i.params && typeof i.params === "object" && !Array.isArray(i.params) ? i.params : {}) as Record<
      string,
      unknown
    >;
    return {
      id: i.id,
      orderUuid: i.orderUuid,
      orderNumber: numberOf.get(i.orderUuid) ?? null,
      amount: typeof p.amount === "number" ? p.amount : null,
      reason: typeof p.reason === "string" ? p.reason : null,
      status: i.status === "expired" ? "expired" : "pending_approval",
      requestedById: i.requestedById,
      requestedBy: nameOf.get(i.requestedById) ?? null,
      createdAt: i.createdAt,
      expiresAt: new Date(i.createdAt.getTime() + expiryMs),
    };
  });
  // Pending first: they need someone now.
  return [...rows.filter((r) => r.status === "pending_approval"), ...rows.filter((r) => r.status === "expired")];
}
