"use client";
// Per lifecycle flag: accept Points' state for the order (then the flag is re-checked), or explain it.
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/reconciliation/action-button";
import { NoteDialog } from "@/components/reconciliation/note-dialog";
import { explainFlagAction, healFlagAction } from "./actions";

export function FlagActions({ id, about }: { id: string; about: string }) {
  const t = useTranslations("Reconciliation.actions");
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <ActionButton
        about={about}
        variant="primary"
        title={t("acceptFlagWhy")}
        failureTitle={t("flagHealFailed")}
        run={async () => {
          const r = await healFlagAction({ id });
          if (!r.ok) return r;
          return {
            ok: true,
            toast: {
              tone: "success",
              title: t("healed"),
              description: r.data.historyLegal ? t("flagHealedLegal") : t("flagHealedStill"),
            },
          };
        }}
      >
        {t("accept")}
      </ActionButton>
      <NoteDialog
        about={about}
        title={t("explainFlag")}
        description={t.rich("explainFlagBody", { about, id: (chunks) => <bdi>{chunks}</bdi> })}
        explain={async (note) => {
          const r = await explainFlagAction({ id, note });
          return r.ok ? { ok: true } : r;
        }}
      />
    </div>
  );
}
