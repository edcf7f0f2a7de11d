"use client";
// Per lifecycle flag: accept Points' state for the order (then the flag is re-checked), or explain it.
import { ActionButton } from "@/components/reconciliation/action-button";
import { NoteDialog } from "@/components/reconciliation/note-dialog";
import { explainFlagAction, healFlagAction } from "./actions";

export function FlagActions({ id, label }: { id: string; label: string }) {
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <ActionButton
        about={label}
        variant="primary"
        title="Read the order from Points (GET /orders/{uuid}), write it over ours, then check its history again."
        failureTitle="Not healed"
        run={async () => {
          const r = await healFlagAction({ id });
          if (!r.ok) return r;
          return {
            ok: true,
            toast: r.data.historyLegal
              ? {
                  tone: "success",
                  title: "Healed",
                  description: "Points' state accepted; the order's history is legal now.",
                }
              : {
                  tone: "success",
                  title: "Healed",
                  description: "Points' state accepted. The webhook history still shows the step; the flag is closed.",
                },
          };
        }}
      >
        Accept Points&apos; state
      </ActionButton>
      <NoteDialog
        about={label}
        title="Explain this flag"
        description={`${label}. Explaining closes the flag; it reopens only if another webhook breaks the same rule.`}
        explain={async (note) => {
          const r = await explainFlagAction({ id, note });
          return r.ok ? { ok: true } : r;
        }}
      />
    </div>
  );
}
