"use server";
// Saved views beside each list's filters: save the current filters under a
// name, delete one. Saving needs the role of the list's page; deleting is of
// one's own views only, which any staff member may do. The bar refreshes its
// list itself (router.refresh), so nothing is revalidated here.
import { getTranslations } from "next-intl/server";
import { staffAction, type ActionResult } from "@/lib/auth/safe-action";
import { LISTS, LIST_NAMES } from "@/lib/lists/list-registry";
import { deleteView, deleteViewInput, saveView, saveViewInput } from "@/lib/saved-views/saved-views";
import { MAX_VIEWS_PER_LIST } from "@/lib/saved-views/view-limits";

const listOf = (raw: unknown) => {
  const list = (raw as { list?: unknown } | null)?.list;
  return LIST_NAMES.find((name) => name === list);
};

export const saveViewAction = staffAction(
  {
    name: "saveView",
    // An unknown list asks for the highest role; the schema then refuses it.
    role: (raw) => LISTS[listOf(raw) ?? "audit"].role,
    input: saveViewInput,
  },
  async ({ input, user, transaction }): Promise<ActionResult<{ message: string; id: string }>> => {
    const t = await getTranslations("SavedViews");
    const outcome = await transaction(async (tx, audit) => {
      const saved = await saveView(tx, user.id, input);
      if (saved.ok)
        await audit({
          action: "saved_view.save",
          target: `saved_view:${saved.view.id}`,
          detail: { list: input.list, name: saved.view.name, query: saved.view.query, replaced: saved.replaced },
        });
      return saved;
    });
    if (outcome.ok) return { ok: true, id: outcome.view.id, message: t("saved", { name: outcome.view.name }) };
    return {
      ok: false,
      message:
        outcome.reason === "query"
          ? t("errors.query", { reason: outcome.error })
          : t("errors.tooMany", { n: String(MAX_VIEWS_PER_LIST) }),
    };
  },
);

export const deleteViewAction = staffAction(
  { name: "deleteView", role: "viewer", input: deleteViewInput },
  async ({ input, user, transaction }): Promise<ActionResult<{ message: string }>> => {
    const t = await getTranslations("SavedViews");
    const deleted = await transaction(async (tx, audit) => {
      const view = await deleteView(tx, user.id, input.id);
      if (view) await audit({ action: "saved_view.delete", target: `saved_view:${input.id}`, detail: { ...view } });
      return view;
    });
    return deleted
      ? { ok: true, message: t("deleted", { name: deleted.name }) }
      : { ok: false, message: t("errors.missing") };
  },
);
