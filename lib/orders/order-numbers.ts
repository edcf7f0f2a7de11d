// Our order numbers for some Points uuids, for lists keyed by uuid (differences,
// lifecycle flags). A uuid we hold no order for is simply absent.
import type { Db } from "@/lib/db/prisma";

export async function orderNumbers(db: Db, uuids: string[]): Promise<Map<string, string>> {
  if (uuids.length === 0) return new Map();
  const orders = await db.order.findMany({
    where: { pointsUuid: { in: [...new Set(uuids)] } },
    select: { pointsUuid: true, orderNumber: true },
  });
  return new Map(orders.map((o) => [o.pointsUuid, o.orderNumber]));
}
