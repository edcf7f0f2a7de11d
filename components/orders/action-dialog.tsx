"use client";
// What the order dialogs share: the idempotent ResultDialog that sends one
// order action and shows its answer in the reader's language, and labelled fields.
import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FieldMessage, Label } from "@/components/ui/label";
import { ResultDialog } from "@/components/ui/result-dialog";
import type { OrderActionKind } from "@/lib/orders/allowed-actions";
import type { ActionResponse } from "@/lib/order-actions/request-order-action";
import { useLocalisedResult } from "./use-notice-text";

/** What an order form sends; the server action validates it against orderActionSchema. */
export type SubmitOrderAction = (
  input: { kind: OrderActionKind; orderUuid: string; idempotencyKey: string } & Record<string, FormDataEntryValue>,
) => Promise<ActionResponse>;

type DialogProps = Omit<ComponentProps<typeof ResultDialog<ActionResponse>>, "send" | "idempotent" | "unreachable">;

/** One order action in a dialog: a fresh idempotency key each time it opens, the answer translated. */
export function OrderActionDialog({
  kind,
  orderUuid,
  submit,
  ...props
}: DialogProps & { kind: OrderActionKind; orderUuid: string; submit: SubmitOrderAction }) {
  const t = useTranslations("OrderActions");
  const localised = useLocalisedResult();
  return (
    <ResultDialog
      {...props}
      idempotent
      unreachable={t("unreachable")}
      send={async (fields, idempotencyKey) => localised(await submit({ ...fields, kind, orderUuid, idempotencyKey }))}
    />
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
  hint?: ReactNode;
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
