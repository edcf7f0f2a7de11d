"use client";
// One dialog for a change made through a server action that answers
// {ok, message} (staff users, integration settings, go-live sign-offs). A
// refusal stays in the dialog, next to the form it is about; success closes it
// and says so in a toast.
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ButtonVariant } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { useToast } from "@/components/ui/toast";

export type ActionResult = { ok: boolean; message: string };

/** A server action; it validates whatever it is sent. */
export type ResultAction = (input: unknown) => Promise<ActionResult>;

const UNREACHABLE = "The dashboard could not be reached. Reload the page to see whether the change was saved.";

export function ResultDialog({
  trigger,
  triggerVariant = "secondary",
  title,
  description,
  submitLabel,
  submitVariant = "primary",
  send,
  children,
}: {
  /** Button content; in a table row include what the row is about (visually hidden is fine) so each button has its own name. */
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  title: string;
  description: ReactNode;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  send: (fields: Record<string, FormDataEntryValue>) => Promise<ActionResult>;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { toast } = useToast();

  const onOpenChange = (next: boolean) => {
    // Closing mid-request would hide the answer to a change that may still be saved.
    if (pending) return;
    if (next) setError(null);
    setOpen(next);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget));
    setError(null);
    startTransition(async () => {
      const result = await send(fields).catch((): ActionResult => ({ ok: false, message: UNREACHABLE }));
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast({ tone: "success", title: result.message });
      setOpen(false);
    });
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={trigger}
      triggerVariant={triggerVariant}
      title={title}
      description={description}
      submitLabel={submitLabel}
      submitVariant={submitVariant}
      pending={pending}
      error={error}
      onSubmit={onSubmit}
    >
      {children}
    </FormDialog>
  );
}
