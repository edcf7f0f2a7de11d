// An order's history in one list: webhook deliveries (placed at Points' own
// time, with late arrivals marked), staff actions, Points API calls, and what
// reconciliation found (differences with Points, lifecycle flags), each at the
// time it was found and with its state now (open, healed, explained). Rows
// carry what they say in words (entry-facts.ts); the raw payloads stay in the
// database until a row is opened (entry-payload.ts), so a long timeline stays
// light on the page. The order is cause before effect (placement.ts).
import type { Notice } from "@/lib/result/action-result";
import { storedNotice } from "@/lib/result/stored-notice";
import type { Db } from "@/lib/db/prisma";
import { orderFlags, type FlagRow } from "@/lib/lifecycle/list-flags";
import { toDifferenceRow, type DifferenceRow } from "@/lib/reconcile/list-differences";
import { webhookFacts, type ActionFacts, type WebhookFacts } from "./entry-facts";
import { callStart, inCausalOrder, webhookMoment, type Placed, type SentChange } from "./placement";
import { orderAuditEntries, type OrderKeys } from "./staff-actions";

export type TimelineEntry =
  | {
      kind: "webhook";
      at: Date;
      id: string;
      event: string | null;
      status: string;
      receivedAt: Date;
      /** received after a delivery that carried a newer snapshot of this order */
      arrivedLate: boolean;
      duplicateCount: number;
      facts: WebhookFacts;
    }
  | {
      kind: "action";
      at: Date;
      id: string;
      action: string;
      actor: string | null;
      intentId: string | null;
      facts: ActionFacts;
    }
  | {
      kind: "api_call";
      at: Date;
      id: string;
      method: string;
      path: string;
      status: number | null;
      ok: boolean;
      latencyMs: number;
      errorMessage: string | null;
      errorNotice: Notice | null;
      attempt: number;
    }
  | { kind: "difference"; at: Date; id: string; difference: DifferenceRow }
  | { kind: "lifecycle_flag"; at: Date; id: string; flag: FlagRow };

export async function orderTimeline(db: Db, order: OrderKeys, limit = 500): Promise<TimelineEntry[]> {
  const { pointsUuid } = order;
  const [deliveries, audit, calls, differences, flags] = await Promise.all([
    db.webhookDelivery.findMany({
      where: { pointsOrderUuid: pointsUuid },
      orderBy: { receivedAt: "asc" },
      take: limit,
      select: {
        id: true,
        event: true,
        status: true,
        receivedAt: true,
        pointsUpdatedAt: true,
        duplicateCount: true,
        rawBody: true,
      },
    }),
    orderAuditEntries(db, order, limit),
    db.pointsApiCall.findMany({
      where: { orderUuid: pointsUuid },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: {
        id: true,
        method: true,
        path: true,
        status: true,
        ok: true,
        latencyMs: true,
        errorMessage: true,
        errorNotice: true,
        attempt: true,
        intentId: true,
        createdAt: true,
      },
    }),
    db.reconcileDifference.findMany({ where: { orderUuid: pointsUuid }, orderBy: { createdAt: "asc" }, take: limit }),
    orderFlags(db, pointsUuid, limit),
  ]);

  const placed: Placed<TimelineEntry>[] = [];
  // Which request kind each intent was (from its `order.<kind>` entry), so a webhook can find the call it confirms.
  const kindOf = new Map(
    audit.flatMap((a) => (a.intentId && a.action.startsWith("order.") ? [[a.intentId, a.action.slice(6)]] : [])),
  );
  // A request's audit entry is written after its calls, with their outcome: it began when its first call did.
  const firstCallOf = new Map<string, number>();
  const sent: SentChange[] = [];
  for (const c of calls) {
    const start = callStart(c.createdAt, c.latencyMs);
    if (c.intentId && start < (firstCallOf.get(c.intentId) ?? Infinity)) firstCallOf.set(c.intentId, start);
    const kind = c.intentId && kindOf.get(c.intentId);
    if (kind && c.method !== "GET") sent.push({ kind, start });
    const entry = {
      kind: "api_call" as const,
      at: new Date(start),
      id: c.id.toString(),
      method: c.method,
      path: c.path,
      status: c.status,
      ok: c.ok,
      latencyMs: c.latencyMs,
      errorMessage: c.errorMessage,
      errorNotice: storedNotice(c.errorNotice),
      attempt: c.attempt,
    };
    placed.push({ kind: "api_call", id: entry.id, moment: start, entry });
  }
  for (const a of audit) {
    const moment = Math.min(a.at.getTime(), (a.intentId && firstCallOf.get(a.intentId)) || Infinity);
    const entry = {
      kind: "action" as const,
      at: new Date(moment),
      id: a.id,
      action: a.action,
      actor: a.actor,
      intentId: a.intentId,
      facts: a.facts,
    };
    placed.push({ kind: "action", id: a.id, moment, entry });
  }
  sent.sort((a, b) => a.start - b.start);
  const taken = new Set<SentChange>();
  let newestSeen = 0;
  for (const d of deliveries) {
    const pointsTime = d.pointsUpdatedAt ?? d.receivedAt;
    const arrivedLate = pointsTime.getTime() < newestSeen;
    newestSeen = Math.max(newestSeen, pointsTime.getTime());
    const entry = {
      kind: "webhook" as const,
      at: pointsTime,
      id: d.id.toString(),
      event: d.event,
      status: d.status,
      receivedAt: d.receivedAt,
      arrivedLate,
      duplicateCount: d.duplicateCount,
      facts: webhookFacts(d.rawBody),
    };
    placed.push({ kind: "webhook", id: entry.id, moment: webhookMoment(pointsTime, d.event, sent, taken), entry });
  }
  for (const d of differences) {
    const entry = {
      kind: "difference" as const,
      at: d.createdAt,
      id: d.id.toString(),
      difference: toDifferenceRow(d, null),
    };
    placed.push({ kind: "difference", id: entry.id, moment: d.createdAt.getTime(), entry });
  }
  for (const f of flags) {
    const entry = { kind: "lifecycle_flag" as const, at: new Date(f.createdAt), id: f.id, flag: f };
    placed.push({ kind: "lifecycle_flag", id: f.id, moment: entry.at.getTime(), entry });
  }
  return inCausalOrder(placed);
}
