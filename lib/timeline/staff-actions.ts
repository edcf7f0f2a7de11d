// What staff did to an order, defined once: every audit entry written about
// the order (by its uuid, or by its number before Points gave it one). The
// timeline shows each entry at its moment; the order page's "Staff actions"
// card shows the same entries, folded into one row per request sent to
// Points (with its progress) and one row for each of the rest (a heal, an
// explanation, a fetch), so the two can never disagree about what was done.
import type { Db } from "@/lib/db/prisma";
import { listOrderIntents, type OrderIntentRow } from "@/lib/orders/list-order-intents";
import { orderNumberTarget } from "@/lib/orders/staff-requests";
import { actionFacts, type ActionFacts } from "./entry-facts";

export interface StaffAuditEntry {
  id: string;
  action: string;
  at: Date;
  actor: string | null;
  /** the request (action_intents row) this entry belongs to */
  intentId: string | null;
  facts: ActionFacts;
}

/**
 * The order as the page read it. Its entries are found by both keys in one read, so a page rendered as the
 * order arrives cannot show the order without the entries made for its number (each part reading the order
 * again did: the order on screen, the payment link that preceded it missing).
 */
export interface OrderKeys {
  pointsUuid: string;
  orderNumber: string;
}

export async function orderAuditEntries(db: Db, order: OrderKeys, limit: number): Promise<StaffAuditEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { target: { in: [order.pointsUuid, orderNumberTarget(order.orderNumber)] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  return rows.map((a) => {
    const detail = a.detail && typeof a.detail === "object" && !Array.isArray(a.detail) ? a.detail : {};
    const intentId = "intentId" in detail && typeof detail.intentId === "string" ? detail.intentId : null;
    return {
      id: a.id.toString(),
      action: a.action,
      at: a.createdAt,
      actor: a.actor ? `${a.actor.name} <${a.actor.email}>` : null,
      intentId,
      facts: actionFacts(a.action, a.detail),
    };
  });
}

export type StaffActionRow =
  { kind: "request"; at: Date; intent: OrderIntentRow } | { kind: "done"; at: Date; entry: StaffAuditEntry };

const MAX_ENTRIES = 500;

/** The card's rows, newest first: requests with their progress, then every other entry of the same definition. */
export async function orderStaffActions(
  db: Db,
  order: OrderKeys,
  overdueMs: number,
  now = Date.now(),
): Promise<StaffActionRow[]> {
  const [intents, entries] = await Promise.all([
    listOrderIntents(db, order.pointsUuid, overdueMs, now),
    orderAuditEntries(db, order, MAX_ENTRIES),
  ]);
  const requests = new Set(intents.map((i) => i.id));
  const rows: StaffActionRow[] = [
    ...intents.map((intent) => ({ kind: "request" as const, at: intent.createdAt, intent })),
    ...entries
      .filter((e) => e.intentId === null || !requests.has(e.intentId))
      .map((entry) => ({ kind: "done" as const, at: entry.at, entry })),
  ];
  return rows.sort((a, b) => b.at.getTime() - a.at.getTime());
}
