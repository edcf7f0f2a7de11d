"use client";
// One dialog for every order action: opening it makes a fresh idempotency key,
// so a double-click or a resend of the same form is the same intent at the
// server; the submit button stays disabled while the request is in flight.
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ButtonVariant } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FieldMessage, Label } from "@/components/ui/label";
import { useToast, type ToastInput } from "@/components/ui/toast";
import type { OrderActionKind } from "@/lib/orders/allowed-actions";
import type { ActionResponse } from "@/lib/order-actions/request-order-action";

/** What an order form sends; the server action validates it against orderActionSchema. */
export type SubmitOrderAction = (
  input: { kind: OrderActionKind; orderUuid: string; idempotencyKey: string } & Record<string, FormDataEntryValue>,
) => Promise<ActionResponse>;

type Send = (fields: Record<string, FormDataEntryValue>, idempotencyKey: string) => Promise<ActionResponse>;

function toastFor(result: ActionResponse): ToastInput {
  if (!result.ok) return { tone: "danger", title: result.message };
  return { tone: result.status === "unknown" ? "warning" : "success", title: result.message };
}

export function ActionDialog({
  triggerLabel,
  triggerVariant = "secondary",
  title,
  description,
  submitLabel,
  submitVariant = "primary",
  send,
  children,
}: {
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  title: string;
  description: ReactNode;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  send: Send;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState("");
  // Shown in the dialog as well as in a toast: a modal dialog hides the toasts from assistive technology.
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { toast } = useToast();

  const onOpenChange = (next: boolean) => {
    // Closing mid-request and reopening would make a new key, i.e. a second intent.
    if (pending) return;
    if (next) {
      setIdempotencyKey(crypto.randomUUID());
      setError(null);
    }
    setOpen(next);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget));
    setError(null);
    startTransition(async () => {
      let result: ActionResponse;
      try {
        result = await send(fields, idempotencyKey);
      } catch {
        const message =
          "The dashboard could not be reached; nothing was confirmed. Submitting again is safe: it is the same request.";
        setError(message);
        toast({ tone: "danger", title: message });
        return;
      }
      toast(toastFor(result));
      if (result.ok) {
        setOpen(false);
        return;
      }
      setError(result.message);
      // This attempt is recorded (and refused); another try must be a new intent, not "already submitted".
      if (result.intentId) setIdempotencyKey(crypto.randomUUID());
    });
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={triggerLabel}
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

/** A labelled control with an optional hint, for the dialogs' forms. */
export function DialogField({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && <FieldMessage id={`${id}-hint`}>{hint}</FieldMessage>}
    </div>
  );
}
