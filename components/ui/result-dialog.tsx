"use client";
// The one dialog for a change made through a server action that answers
// {ok, message}: staff users, integration settings, go-live sign-offs, order
// actions and staff-created orders. A refusal stays in the dialog, next to the
// form it is about; success says so in a toast and closes the dialog, or shows
// the `outcome` in place of the form when there is something to take from it. The submit button stays disabled
// while the request is in flight.
//
// `idempotent` actions (order actions) get a fresh idempotency key each time
// the dialog opens, so a double-click or a resend of the same form is the same
// intent at the server; a refused attempt that was recorded renews the key.
import { useState, type FormEvent, type ReactNode } from "react";
import type { ButtonVariant } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { useToast, type ToastInput } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";

/** `status` "unknown": sent, but the outcome is not known yet; `intentId`: the attempt was recorded. */
export type ActionResult = { ok: boolean; message: string; status?: string; intentId?: string };

/** A server action; it validates whatever it is sent. */
export type ResultAction = (input: unknown) => Promise<ActionResult>;

const UNREACHABLE = "The dashboard could not be reached. Reload the page to see whether the change was saved.";
const UNREACHABLE_IDEMPOTENT =
  "The dashboard could not be reached; nothing was confirmed. Submitting again is safe: it is the same request.";

function successToast(result: ActionResult): ToastInput {
  return { tone: result.status === "unknown" ? "warning" : "success", title: result.message };
}

export function ResultDialog<R extends ActionResult>({
  trigger,
  triggerVariant = "secondary",
  title,
  description,
  submitLabel,
  submitVariant = "primary",
  idempotent = false,
  unreachable = idempotent ? UNREACHABLE_IDEMPOTENT : UNREACHABLE,
  send,
  outcome,
  children,
}: {
  /** Button content; in a table row include what the row is about (visually hidden is fine) so each button has its own name. */
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  title: ReactNode;
  description: ReactNode;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** The action dedupes by the idempotency key `send` gets; refusals are also toasted, as on the order page. */
  idempotent?: boolean;
  /** What to say when the request got no answer. */
  unreachable?: string;
  send: (fields: Record<string, FormDataEntryValue>, idempotencyKey: string) => Promise<R>;
  /** Shown in place of the form after success, the dialog staying open (a link to copy, an order to open). */
  outcome?: (result: Extract<R, { ok: true }>) => ReactNode;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState("");
  // Shown in the dialog (as well as in a toast): a modal dialog hides the toasts from assistive technology.
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Extract<R, { ok: true }> | null>(null);
  const [pending, runForAnswer] = useAnswerTransition();
  const { toast } = useToast();

  const refuse = (message: string) => {
    setError(message);
    if (idempotent) toast({ tone: "danger", title: message });
  };

  const onOpenChange = (next: boolean) => {
    // Closing mid-request would hide the answer to a change that may still be saved
    // (and reopening would make a new key, i.e. a second intent).
    if (pending) return;
    if (next) {
      if (idempotent) setIdempotencyKey(crypto.randomUUID());
      setError(null);
      setDone(null);
    }
    setOpen(next);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget));
    setError(null);
    runForAnswer(
      () => send(fields, idempotencyKey).catch(() => null),
      (result) => {
        if (!result) return refuse(unreachable);
        if (result.ok) {
          toast(successToast(result));
          if (outcome) setDone(result as Extract<R, { ok: true }>);
          else setOpen(false);
          return;
        }
        refuse(result.message);
        // This attempt is recorded (and refused); another try must be a new intent, not "already submitted".
        if (idempotent && result.intentId) setIdempotencyKey(crypto.randomUUID());
      },
    );
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
      {done && outcome ? outcome(done) : children}
    </FormDialog>
  );
}
