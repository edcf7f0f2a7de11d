// The checklist as the Go-live page shows it: each item's live verdict and its
// sign-off, and where it stands overall. An item the app cannot judge (no
// evaluator, or "unknown" now) is done once someone signs it off.
import { CHECKLIST, GROUPS, type ChecklistItem, type Evaluation, type GroupId } from "./checklist";
import type { GoLiveFacts } from "./facts";

export interface SignoffView {
  by: string | null;
  at: string;
  note: string | null;
}

export type ItemState = "pass" | "fail" | "signed_off" | "open";

export interface ItemView {
  /** Its title and hint are the catalogue's GoLive.items.<id>.title and .hint. */
  id: string;
  hasHint: boolean;
  /** null for items only a person can check. */
  live: Evaluation | null;
  signoff: SignoffView | null;
  state: ItemState;
  canSignOff: boolean;
}

export interface ChecklistView {
  groups: Array<{ id: GroupId; items: ItemView[] }>;
  summary: Record<ItemState, number>;
}

export function evaluateChecklist(
  facts: GoLiveFacts,
  signoffs: ReadonlyMap<string, SignoffView>,
  items: ChecklistItem[] = CHECKLIST,
): ChecklistView {
  const summary: Record<ItemState, number> = { pass: 0, fail: 0, signed_off: 0, open: 0 };
  const groups = GROUPS.map((id) => ({
    id,
    items: items
      .filter((item) => item.group === id)
      .map((item): ItemView => {
        const live = item.evaluate ? item.evaluate(facts) : null;
        const signoff = signoffs.get(item.id) ?? null;
        const canSignOff = live === null || live.status === "unknown";
        const state: ItemState = live && live.status !== "unknown" ? live.status : signoff ? "signed_off" : "open";
        summary[state]++;
        return { id: item.id, hasHint: item.hint === true, live, signoff, state, canSignOff };
      }),
  }));
  return { groups: groups.filter((g) => g.items.length > 0), summary };
}
