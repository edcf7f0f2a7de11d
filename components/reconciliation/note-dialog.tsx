"use client";
// "Explain…": a note is required, kept with the item and in the audit log.
// The error stays in the dialog (a modal hides toasts from assistive technology).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { fieldClasses } from "@/components/ui/input";
import { FieldMessage, Label } from "@/components/ui/label";
import { FormDialog } from "@/components/ui/form-dialog";
import { useToast } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import { cn } from "@/components/ui/cn";
import { NOTE_MAX } from "@/lib/reconcile/explain-difference";

export function NoteDialog({
  title,
  description,
  about,
  explain,
}: {
  title: string;
  description: ReactNode;
  /** what the trigger is about, for screen readers when many rows have one */
  about: string;
  explain: (note: string) => Promise<{ ok: true } | { ok: false; message: string }>;
}) {
  const t = useTranslations("Reconciliation.note");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, runForAnswer] = useAnswerTransition();
  const { toast } = useToast();
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
    if (!note) return setError(t("required"));
    runForAnswer(
      () => explain(note),
      (result) => {
        // Refreshed either way: a refusal usually means someone else closed the item meanwhile.
        router.refresh();
        if (!result.ok) {
          setError(result.message);
          return toast({ tone: "danger", title: t("notExplained"), description: result.message });
        }
        setOpen(false);
        toast({ tone: "success", title: t("explained"), description: note });
      },
    );
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setError(null);
        setOpen(next);
      }}
      trigger={
        <>
          {t("explain")}
          {/* Field names and order numbers inside: isolated, as identifiers are. */}
          <span className="sr-only">
            {" "}
            <bdi>{about}</bdi>
          </span>
        </>
      }
      title={title}
      description={description}
      submitLabel={t("submit")}
      pending={pending}
      error={error}
      onSubmit={submit}
    >
      <NoteField id="explain-note" />
    </FormDialog>
  );
}

export function NoteField({ id }: { id: string }) {
  const t = useTranslations("Reconciliation.note");
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{t("label")}</Label>
      <textarea
        id={id}
        name="note"
        required
        maxLength={NOTE_MAX}
        rows={3}
        dir="auto"
        aria-describedby={`${id}-hint`}
        className={cn(fieldClasses, "h-auto py-1.5")}
      />
      <FieldMessage id={`${id}-hint`}>{t("hint")}</FieldMessage>
    </div>
  );
}
