"use client";
// Per difference: accept Points' state for its order, re-check the order now, or explain it.
import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { ActionButton } from "@/components/reconciliation/action-button";
import { NoteDialog } from "@/components/reconciliation/note-dialog";
import { explainDifferenceAction, healDifferenceAction, recheckDifferenceAction } from "./actions";

/** `canHeal`: false when Points does not have the order, so there is no state to accept. */
export function DifferenceActions({
  id,
  orderUuid,
  about,
  canHeal,
}: {
  id: string;
  orderUuid: string;
  /** what the buttons act on, for screen readers */
  about: string;
  canHeal: boolean;
}) {
  const t = useTranslations("Reconciliation.actions");
  const n = useDisplayFormat().number;
  const closed = (count: number) => t("closed", { count, n: n(count) });
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      {canHeal && (
        <ActionButton
          about={about}
          variant="primary"
          title={t("acceptWhy")}
          failureTitle={t("acceptFailed")}
          run={async () => {
            const r = await healDifferenceAction({ orderUuid });
            return r.ok
              ? {
                  ok: true,
                  toast: {
                    tone: "success",
                    title: t("healed"),
                    description: t("healedBody", { closed: closed(r.data.closed) }),
                  },
                }
              : r;
          }}
        >
          {t("accept")}
        </ActionButton>
      )}
      <ActionButton
        about={about}
        title={t("recheckWhy")}
        failureTitle={t("recheckFailed")}
        run={async () => {
          const r = await recheckDifferenceAction({ orderUuid });
          if (!r.ok) return r;
          const { differing } = r.data;
          return {
            ok: true,
            toast: differing.length
              ? {
                  tone: "warning",
                  title: t("stillDiffers"),
                  description: t("stillDiffersBody", {
                    count: differing.length,
                    fields: differing.join(", "),
                    closed: closed(r.data.closed),
                  }),
                }
              : { tone: "success", title: t("noLongerDiffers"), description: closed(r.data.closed) },
          };
        }}
      >
        {t("recheck")}
      </ActionButton>
      <NoteDialog
        about={about}
        title={t("explainDifference")}
        description={t.rich("explainDifferenceBody", { about, id: (chunks) => <bdi>{chunks}</bdi> })}
        explain={async (note) => {
          const r = await explainDifferenceAction({ id, note });
          return r.ok ? { ok: true } : r;
        }}
      />
    </div>
  );
}
