"use client";
import { useTranslations } from "next-intl";
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
  const t = useTranslations(`OrderActions.${kind}`);
  return (
    <OrderActionDialog
      kind={kind}
      orderUuid={orderUuid}
      // Nothing but the kind is sent: the form has no fields.
      submit={({ kind: k, orderUuid: o, idempotencyKey }) => submit({ kind: k, orderUuid: o, idempotencyKey })}
      trigger={t("trigger")}
      title={t("title")}
      description={t("description")}
      submitLabel={t("submit")}
    />
  );
}
