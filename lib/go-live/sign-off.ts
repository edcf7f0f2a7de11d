// Go-live items checked off by hand: who, when and a note; undone the same way.
// Both are audited.
import type { MessageResult } from "@/lib/result/action-result";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Client, Db } from "@/lib/db/prisma";
import type { Actor } from "@/lib/integration/endpoint-deps";
import { translator } from "@/lib/i18n/message";
import { ITEM_IDS, itemTitle } from "./checklist";
import type { SignoffView } from "./evaluate-checklist";

const item = z.string().refine((id) => ITEM_IDS.has(id), "unknown checklist item");
export const signOffSchema = z.object({
  item,
  note: z.string().trim().max(500, "the note must be at most 500 characters").optional(),
});
export const undoSignOffSchema = z.object({ item });

export type SignOffResult = MessageResult;

// The answer's sentence is English; the Go-live page words its own in the reader's language.
const say = translator("en", "GoLive");
const done = (key: string, id: string) => say({ key, values: { item: itemTitle(id) } });

export async function signOff(db: Client, actor: Actor, input: z.infer<typeof signOffSchema>): Promise<SignOffResult> {
  const note = input.note || null;
  await db.goLiveSignoff.upsert({
    where: { item: input.item },
    create: { item: input.item, checkedById: actor.id, note },
    update: { checkedById: actor.id, checkedAt: new Date(), note },
  });
  await recordAudit(db, { actorId: actor.id, action: "go_live.sign_off", target: input.item, detail: { note } });
  return { ok: true, message: done("signOff.done", input.item) };
}

export async function undoSignOff(
  db: Client,
  actor: Actor,
  input: z.infer<typeof undoSignOffSchema>,
): Promise<SignOffResult> {
  const { count } = await db.goLiveSignoff.deleteMany({ where: { item: input.item } });
  if (count === 0) return { ok: false, message: "This item is not signed off (any more)." };
  await recordAudit(db, { actorId: actor.id, action: "go_live.undo_sign_off", target: input.item });
  return { ok: true, message: done("undo.done", input.item) };
}

export async function readSignoffs(db: Db): Promise<Map<string, SignoffView>> {
  const rows = await db.goLiveSignoff.findMany();
  const ids = [...new Set(rows.map((r) => r.checkedById).filter((id): id is string => id !== null))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return new Map(
    rows.map((r) => [
      r.item,
      { by: r.checkedById ? (users.get(r.checkedById) ?? null) : null, at: r.checkedAt.toISOString(), note: r.note },
    ]),
  );
}
