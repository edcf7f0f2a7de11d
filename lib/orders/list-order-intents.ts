// The order page's intents panel: every staff intent for one order, newest
// first, with who asked and who decided by name (intents keep only user ids,
// so a deleted user shows as null rather than hiding the intent).
import type { Db } from "@/lib/db/prisma";
import { confirmationState } from "./confirm-intents";

const MAX_INTENTS = 200;

export async function listOrderIntents(db: Db, orderUuid: string, overdueMs: number, now = Date.now()) {
  const intents = await db.actionIntent.findMany({
    where: { orderUuid },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_INTENTS,
  });
  const userIds = [
    ...new Set(intents.flatMap((i) => (i.approvedById ? [i.requestedById, i.approvedById] : [i.requestedById]))),
  ];
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return intents.map((i) => ({
    id: i.id,
    kind: i.kind,
    params: i.params,
    status: i.status,
    createdAt: i.createdAt,
    decidedAt: i.decidedAt,
    decisionNote: i.decisionNote,
    resultMessage: i.resultMessage,
    requestedById: i.requestedById,
    requestedBy: byId.get(i.requestedById) ?? null,
    decidedBy: i.approvedById ? (byId.get(i.approvedById) ?? null) : null,
    confirmation: confirmationState(i, overdueMs, now),
  }));
}

export type OrderIntentRow = Awaited<ReturnType<typeof listOrderIntents>>[number];
