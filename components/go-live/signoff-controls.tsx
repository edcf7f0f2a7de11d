"use client";
// An admin checks an item off by hand (with a note) or undoes it.
import { useTranslations } from "next-intl";
import { saidAs } from "@/components/i18n/said-as";
import { DialogField } from "@/components/orders/action-dialog";
import { Input } from "@/components/ui/input";
import { ResultDialog, type ResultAction } from "@/components/ui/result-dialog";

export function SignOffControls({
  item,
  signedOff,
  signOff,
  undo,
}: {
  /** The title as the reader's language says it. */
  item: { id: string; title: string };
  signedOff: boolean;
  signOff: ResultAction;
  undo: ResultAction;
}) {
  const t = useTranslations("GoLive");
  const noteId = `note-${item.id}`;
  const said = { item: item.title };
  if (signedOff)
    return (
      <ResultDialog
        trigger={
          <>
            {t("undo.trigger")}
            <span className="sr-only"> {item.title}</span>
          </>
        }
        title={t("undo.title")}
        description={t("undo.description", said)}
        submitLabel={t("undo.submit")}
        unreachable={t("unreachable")}
        send={saidAs(
          undo,
          () => t("undo.done", said),
          () => ({ item: item.id }),
        )}
      />
    );
  return (
    <ResultDialog
      trigger={
        <>
          {t("signOff.trigger")}
          <span className="sr-only"> {item.title}</span>
        </>
      }
      title={t("signOff.title")}
      description={t("signOff.description", said)}
      submitLabel={t("signOff.submit")}
      unreachable={t("unreachable")}
      send={saidAs(
        signOff,
        () => t("signOff.done", said),
        (fields) => ({ item: item.id, note: fields.note }),
      )}
    >
      <DialogField id={noteId} label={t("signOff.note")} hint={t("signOff.noteHint")}>
        <Input
          id={noteId}
          name="note"
          maxLength={500}
          autoComplete="off"
          aria-describedby={`${noteId}-hint`}
          dir="auto"
          className="w-full"
        />
      </DialogField>
    </ResultDialog>
  );
}
