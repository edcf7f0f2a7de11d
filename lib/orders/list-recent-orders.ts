import type { Db } from "@/lib/db/prisma";

export async function listRecentOrders(db: Db, limit = 50) {
  const [orders, total] = await Promise.all([
    db.order.findMany({
      orderBy: [{ pointsUpdatedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        pointsUuid: true,
        orderNumber: true,
        referenceNumber: true,
        type: true,
        orderStatus: true,
        shippingStatus: true,
        shippingLabelAr: true,
        shippingLabelEn: true,
        totalPrice: true,
        totalPoints: true,
        pointsUpdatedAt: true,
      },
    }),
    db.order.count(),
  ]);
  return { orders, total };
}
