"use client";
import { OrderActionDialog, type SubmitOrderAction } from "./action-dialog";

type ConfirmKind = "authorize" | "capture";

/** Authorize or capture: nothing to fill in, only a confirmation. */
export function ConfirmActionDialog({
  kind,
  orderUuid,
  submit,
}: {
  kind: ConfirmKind;
  orderUuid: string;
  submit: SubmitOrderAction;
}) {
  return (
    <OrderActionDialog
      kind={kind}
      orderUuid={orderUuid}
      // Nothing but the kind is sent: the form has no fields.
      submit={({ kind: k, orderUuid: o, idempotencyKey }) => submit({ kind: k, orderUuid: o, idempotencyKey })}
    />
  );
}
