// Shared by reconciliation tests: orders at the sandbox double copied into our
// store as the API returns them, and orders only we have.
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { checkoutOrder, type Harness } from "@/lib/points/test-helpers";

/** `n` paid orders at Points (numbers `<prefix>-0`…), copied into our store. */
export async function seedOrders(h: Harness, n: number, prefix = "RC"): Promise<string[]> {
  const uuids: string[] = [];
  for (let i = 0; i < n; i++) {
    const uuid = await checkoutOrder(h, `${prefix}-${i}`, "approve", 100 + i);
    await applyOrderSnapshot(h.db, snapshotFromApi(await h.client().getOrder(uuid)));
    uuids.push(uuid);
  }
  return uuids;
}

/** An order we hold that Points does not know. */
export async function ghostOrder(h: Harness, orderNumber: string): Promise<string> {
  const uuid = crypto.randomUUID();
  await applyOrderSnapshot(h.db, {
    uuid,
    orderNumber,
    referenceNumber: null,
    type: "earning",
    orderStatus: "approved",
    paymentStatus: null,
    totalPrice: 10,
    totalPoints: 100,
    metadata: null,
    createdAt: null,
    updatedAt: new Date().toISOString(),
  });
  return uuid;
}

/** Makes our copy of the order drift from Points' (as a lost webhook or a bad write would). */
export function drift(h: Harness, uuid: string, set: string) {
  return h.db.$executeRawUnsafe(`UPDATE orders SET ${set} WHERE points_uuid = $1::uuid`, uuid);
}
