import { randomUUID } from "node:crypto";
import type { SimOrder } from "./order-types";

export type NewOrderFields = Partial<SimOrder> & Pick<SimOrder, "orderNumber" | "channel" | "type">;

export function newOrder(id: number, now: Date, fields: NewOrderFields): SimOrder {
  return {
    id,
    uuid: randomUUID(),
    referenceNumber: `REF-${now.getUTCFullYear()}-${String(id).padStart(6, "0")}`,
    orderStatus: "new",
    totalPriceCents: 0,
    refundedCents: 0,
    totalPoints: 0,
    metadata: null,
    items: [],
    phone: null,
    name: null,
    amounts: { shipping: null, tax: null, discount: null },
    shippingAddress: null,
    shippingStatus: null,
    customStatus: null,
    callbackUrl: null,
    sessionId: null,
    cancelReason: null,
    paymentMethod: null,
    pendingActivation: false,
    rating: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}
