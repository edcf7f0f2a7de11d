// Named saved views: a user's filter sets for one list. A view holds the
// list's own filter query (canonical: fixed order, no blanks or defaults, no
// page position), so opening it is following a link, and that link can be
// shared with anyone who may see the list.
import { z } from "zod";
import type { Tx, Db } from "@/lib/db/prisma";
import { filterQuery, filterText } from "@/lib/http/url-query";
import { canonicalQuery, LIST_NAMES, type ListName } from "@/lib/lists/list-registry";
import { MAX_VIEWS_PER_LIST, NAME_MAX } from "./view-limits";

export const saveViewInput = z.object({
  list: z.enum(LIST_NAMES),
  name: filterText(NAME_MAX).pipe(z.string().min(1)),
  query: filterQuery,
});
export const deleteViewInput = z.object({ id: z.uuid() });

export interface SavedViewRow {
  id: string;
  name: string;
  query: string;
}

export async function listSavedViews(db: Db, userId: string, list: ListName): Promise<SavedViewRow[]> {
  return db.savedView.findMany({
    where: { userId, list },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
    take: MAX_VIEWS_PER_LIST,
  });
}

export type SaveOutcome =
  | { ok: true; view: SavedViewRow; replaced: boolean }
  | { ok: false; reason: "query"; error: string }
  | { ok: false; reason: "tooMany" };

/** Saves the filters under the name; a view of the same name on the same list is replaced. */
export async function saveView(tx: Tx, userId: string, input: z.infer<typeof saveViewInput>): Promise<SaveOutcome> {
  const canonical = canonicalQuery(input.list, input.query);
  if (!canonical.ok) return { ok: false, reason: "query", error: canonical.error };
  const where = { userId_list_name: { userId, list: input.list, name: input.name } };
  const existing = await tx.savedView.findUnique({ where, select: { id: true } });
  if (!existing && (await tx.savedView.count({ where: { userId, list: input.list } })) >= MAX_VIEWS_PER_LIST)
    return { ok: false, reason: "tooMany" };
  const view = await tx.savedView.upsert({
    where,
    create: { userId, list: input.list, name: input.name, query: canonical.query },
    update: { query: canonical.query },
    select: { id: true, name: true, query: true },
  });
  return { ok: true, view, replaced: !!existing };
}

/** Deletes one of the user's own views; null when there is none with that id (or it is someone else's). */
export async function deleteView(tx: Tx, userId: string, id: string): Promise<{ name: string; list: ListName } | null> {
  const view = await tx.savedView.findFirst({ where: { id, userId }, select: { name: true, list: true } });
  if (!view) return null;
  await tx.savedView.delete({ where: { id } });
  return view;
}
