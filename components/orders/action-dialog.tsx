"use client";
// What the order dialogs share: the idempotent ResultDialog that sends one
// order action and shows its answer in the reader's language, and labelled fields.
import type { ComponentProps, ReactNode } from "react";
import { useTranslations, type TranslationValues } from "next-intl";
import { FieldMessage, Label } from "@/components/ui/label";
import { ResultDialog } from "@/components/ui/result-dialog";
import type { OrderActionKind } from "@/lib/orders/allowed-actions";
import type { ActionResponse } from "@/lib/order-actions/request-order-action";
import { useLocalisedResult } from "./use-notice-text";

/** What an order form sends; the server action validates it against orderActionSchema. */
export type SubmitOrderAction = (
  input: { kind: OrderActionKind; orderUuid: string; idempotencyKey: string } & Record<string, FormDataEntryValue>,
) => Promise<ActionResponse>;

type DialogProps = Omit<
  ComponentProps<typeof ResultDialog<ActionResponse>>,
  "send" | "idempotent" | "unreachable" | "trigger" | "title" | "description" | "submitLabel"
>;

/**
 * One order action in a dialog: a fresh idempotency key each time it opens, the answer translated.
 * Its trigger, title, description and submit label are those of the kind's namespace, OrderActions.<kind>.
 */
export function OrderActionDialog({
  kind,
  orderUuid,
  submit,
  descriptionValues,
  ...props
}: DialogProps & {
  kind: OrderActionKind;
  orderUuid: string;
  submit: SubmitOrderAction;
  /** The ICU arguments of the kind's description (the refund's amounts). */
  descriptionValues?: TranslationValues;
}) {
  const t = useTranslations("OrderActions");
  const texts = useTranslations(`OrderActions.${kind}`);
  const localised = useLocalisedResult();
  return (
    <ResultDialog
      {...props}
      trigger={texts("trigger")}
      title={texts("title")}
      description={texts("description", descriptionValues)}
      submitLabel={texts("submit")}
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
