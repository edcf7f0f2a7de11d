// Confirmation tracking: an action Points accepted shows "awaiting webhook"
// until the matching event for the order arrives, then "confirmed".
import type { Client } from "@/lib/db/prisma";
import type { WebhookEvent } from "@/lib/points/envelope";
import type { OrderActionKind } from "./allowed-actions";

/** Which staff requests each event confirms (also how the timeline ties a webhook to the call that caused it). */
export const CONFIRMS: Record<WebhookEvent, OrderActionKind[]> = {
  refunded: ["refund"],
  auto_refunded: [],
  cancelled: ["cancel"],
  shipping_status_updated: ["shipping"],
  completed: ["complete"],
  // ASSUMPTION (points-api.md §3.3): a completed checkout may announce itself as `approved` instead.
  approved: ["complete"],
  authorized: ["authorize"],
  captured: ["capture"],
};

export async function confirmIntents(
  db: Client,
  events: Array<{ orderUuid: string; event: WebhookEvent }>,
): Promise<number> {
  const pairs = confirmedPairs(events);
  return pairs ? db.$executeRawUnsafe(confirmIntentsSql("$1"), pairs) : 0;
}

/** The (order, action) pairs `events` confirm, as the jsonb confirmIntentsSql reads; null when there are none. */
export function confirmedPairs(events: Array<{ orderUuid: string; event: WebhookEvent }>): string | null {
  const pairs = events.flatMap(({ orderUuid, event }) => CONFIRMS[event].map((kind) => ({ uuid: orderUuid, kind })));
  return pairs.length === 0 ? null : JSON.stringify(pairs);
}

/**
 * The UPDATE that confirms the pairs in the jsonb parameter `param` (confirmedPairs): the queue
 * runs it as a CTE of the statement that marks its batch processed, one round trip less a batch.
 */
export function confirmIntentsSql(param: string): string {
  // An intent still `sending` counts too: Points may send the event before its answer to
  // our call arrives, and lib/order-actions/execute-intent.ts keeps a confirmation that came first.
  return `
    UPDATE action_intents a SET awaiting_webhook = false, confirmed_at = now(), updated_at = now()
      FROM (SELECT DISTINCT * FROM jsonb_to_recordset(${param}::jsonb) AS p(uuid uuid, kind text)) p
     WHERE a.order_uuid = p.uuid AND a.kind::text = p.kind
       AND a.confirmed_at IS NULL AND (a.awaiting_webhook OR a.status = 'sending')`;
}

/** "overdue": accepted by Points longer ago than `overdueMs` (CONFIRMATION_OVERDUE_MINUTES) without its webhook. */
export function confirmationState(
  intent: { awaitingWebhook: boolean; confirmedAt: Date | null; sentAt: Date | null },
  overdueMs: number,
  now = Date.now(),
) {
  if (intent.confirmedAt) return "confirmed" as const;
  if (!intent.awaitingWebhook) return null;
  return intent.sentAt && now - intent.sentAt.getTime() > overdueMs ? ("overdue" as const) : ("awaiting" as const);
}
