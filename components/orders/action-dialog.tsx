"use client";
// What the order dialogs share: the form they send and their labelled fields.
// The dialog itself is the one ResultDialog, made idempotent.
import type { ReactNode } from "react";
import { FieldMessage, Label } from "@/components/ui/label";
import type { OrderActionKind } from "@/lib/orders/allowed-actions";
import type { ActionResponse } from "@/lib/order-actions/request-order-action";

/** What an order form sends; the server action validates it against orderActionSchema. */
export type SubmitOrderAction = (
  input: { kind: OrderActionKind; orderUuid: string; idempotencyKey: string } & Record<string, FormDataEntryValue>,
) => Promise<ActionResponse>;

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
