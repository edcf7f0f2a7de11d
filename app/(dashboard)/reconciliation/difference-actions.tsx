"use client";
// Per difference: accept Points' state for its order, re-check the order now, or explain it.
import { ActionButton } from "@/components/reconciliation/action-button";
import { NoteDialog } from "@/components/reconciliation/note-dialog";
import { explainDifferenceAction, healDifferenceAction, recheckDifferenceAction } from "./actions";

const differences = (n: number) => `${n} ${n === 1 ? "difference" : "differences"}`;

/** `canHeal`: false when Points does not have the order, so there is no state to accept. */
export function DifferenceActions({
  id,
  orderUuid,
  label,
  canHeal,
}: {
  id: string;
  orderUuid: string;
  label: string;
  canHeal: boolean;
}) {
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      {canHeal && (
        <ActionButton
          about={label}
          variant="primary"
          title="Read the order from Points and write it over ours; closes every open difference of this order."
          failureTitle="Points' state was not accepted"
          run={async () => {
            const r = await healDifferenceAction({ orderUuid });
            return r.ok
              ? {
                  ok: true,
                  toast: {
                    tone: "success",
                    title: "Healed",
                    description: `Points' state accepted; ${differences(r.data.closed)} closed.`,
                  },
                }
              : r;
          }}
        >
          Accept Points&apos; state
        </ActionButton>
      )}
      <ActionButton
        about={label}
        title="Read the order from Points now and compare again."
        failureTitle="Not re-checked"
        run={async () => {
          const r = await recheckDifferenceAction({ orderUuid });
          if (!r.ok) return r;
          const { closed, differing } = r.data;
          return {
            ok: true,
            toast: differing.length
              ? {
                  tone: "warning",
                  title: "Still differs",
                  description: `${differing.join(", ")} still differ${differing.length === 1 ? "s" : ""}; ${differences(closed)} closed.`,
                }
              : { tone: "success", title: "No longer differs", description: `${differences(closed)} closed.` },
          };
        }}
      >
        Re-check
      </ActionButton>
      <NoteDialog
        about={label}
        title="Explain this difference"
        description={`${label}. Explaining leaves our order as it is and closes the difference.`}
        explain={async (note) => {
          const r = await explainDifferenceAction({ id, note });
          return r.ok ? { ok: true } : r;
        }}
      />
    </div>
  );
}
