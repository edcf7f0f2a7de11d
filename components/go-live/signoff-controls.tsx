"use client";
// An admin checks an item off by hand (with a note) or undoes it.
import { DialogField } from "@/components/orders/action-dialog";
import { Input } from "@/components/ui/input";
import { ResultDialog, type ResultAction } from "@/components/ui/result-dialog";

export function SignOffControls({
  item,
  signedOff,
  signOff,
  undo,
}: {
  item: { id: string; title: string };
  signedOff: boolean;
  signOff: ResultAction;
  undo: ResultAction;
}) {
  const noteId = `note-${item.id}`;
  if (signedOff)
    return (
      <ResultDialog
        trigger={
          <>
            Undo<span className="sr-only"> sign-off of {item.title}</span>
          </>
        }
        title="Undo this sign-off?"
        description={`“${item.title}” goes back to open until someone signs it off again.`}
        submitLabel="Undo sign-off"
        send={() => undo({ item: item.id })}
      />
    );
  return (
    <ResultDialog
      trigger={
        <>
          Sign off…<span className="sr-only"> {item.title}</span>
        </>
      }
      title="Sign off"
      description={`Confirm “${item.title}”. Your name and the time are kept with it.`}
      submitLabel="Sign off"
      send={(fields) => signOff({ item: item.id, note: fields.note })}
    >
      <DialogField id={noteId} label="Note (optional)" hint="What was checked, and where the evidence is.">
        <Input
          id={noteId}
          name="note"
          maxLength={500}
          autoComplete="off"
          aria-describedby={`${noteId}-hint`}
          className="w-full"
        />
      </DialogField>
    </ResultDialog>
  );
}
