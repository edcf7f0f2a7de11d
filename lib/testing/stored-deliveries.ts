// Webhook deliveries written straight to the database, as the receiver would
// have stored them, for tests of what reads and replays them.
import type { Db } from "@/lib/db/prisma";
import type { DeliveryStatus } from "@/lib/generated/prisma/client";
import { dedupeKey } from "@/lib/webhooks/dedupe-key";
import { parseEnvelope } from "@/lib/points/envelope";
import { envelope, fixtureOrder, type FixtureOrder } from "./webhook-fixtures";

export interface StoredDeliveryOptions {
  event?: string;
  order?: FixtureOrder;
  status?: DeliveryStatus;
  receivedAt?: Date;
  duplicateCount?: number;
  attempts?: number;
  lockedUntil?: Date;
  /** Stores a rejected delivery with this body instead of a valid envelope. */
  rejectedBody?: string;
}

export async function storeDelivery(db: Db, opts: StoredDeliveryOptions = {}) {
  const common = {
    headers: { "content-type": "application/json", "x-webhook-secret": "[redacted]" },
    sourceAddress: "203.0.113.7",
    ackLatencyMs: 2.5,
    receivedAt: opts.receivedAt,
    attempts: opts.attempts,
    lockedUntil: opts.lockedUntil,
  };
  if (opts.rejectedBody !== undefined) {
    return db.webhookDelivery.create({
      data: { ...common, status: "rejected", rawBody: opts.rejectedBody, rejectReason: "body is not valid JSON" },
    });
  }
  const order = opts.order ?? fixtureOrder();
  const rawBody = JSON.stringify(envelope(opts.event ?? "approved", order));
  const parsed = parseEnvelope(rawBody);
  if (!parsed.ok) throw new Error(parsed.error);
  return db.webhookDelivery.create({
    data: {
      ...common,
      dedupeKey: dedupeKey(parsed.envelope),
      event: parsed.envelope.event,
      pointsOrderUuid: order.id,
      orderNumber: order.order_number,
      pointsUpdatedAt: new Date(order.updated_at),
      rawBody,
      status: opts.status ?? "pending",
      duplicateCount: opts.duplicateCount ?? 0,
    },
  });
}
