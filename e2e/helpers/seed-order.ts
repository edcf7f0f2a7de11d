// An order written straight into the e2e database, as a webhook would leave it,
// for specs that need an order in some state without a checkout at the double.
import { randomUUID } from "node:crypto";
import { applyOrderSnapshot, type OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { e2eDb } from "./staff-user";

export async function seedOrder(
  fields: Pick<OrderSnapshot, "orderStatus"> & Partial<OrderSnapshot>,
): Promise<OrderSnapshot> {
  const id = randomUUID().slice(0, 8).toUpperCase();
  const now = new Date().toISOString();
  const snapshot: OrderSnapshot = {
    uuid: randomUUID(),
    orderNumber: `E2E-${id}`,
    referenceNumber: `REF-${id}`,
    type: "earning",
    paymentStatus: "fully_paid",
    totalPrice: 100,
    totalPoints: 10,
    metadata: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  const db = e2eDb();
  try {
    await applyOrderSnapshot(db, snapshot);
    return snapshot;
  } finally {
    await db.$disconnect();
  }
}
