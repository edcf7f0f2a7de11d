"use client";
import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Input } from "@/components/ui/input";
import { DialogField, OrderActionDialog, type SubmitOrderAction } from "./action-dialog";

export function RefundDialog({
  orderUuid,
  refundable,
  approvalThresholdSar,
  submit,
}: {
  orderUuid: string;
  refundable: number;
  approvalThresholdSar: number;
  submit: SubmitOrderAction;
}) {
  const t = useTranslations("OrderActions.refund");
  const format = useDisplayFormat();
  return (
    <OrderActionDialog
      kind="refund"
      orderUuid={orderUuid}
      submit={submit}
      descriptionValues={{ refundable: format.sar(refundable), threshold: format.sar(approvalThresholdSar) }}
      submitVariant="danger"
    >
      <DialogField id="refund-amount" label={t("amount")} hint={t("amountHint")}>
        <Input
          id="refund-amount"
          name="amount"
          type="number"
          inputMode="decimal"
          min="0.01"
          max={refundable}
          step="0.01"
          dir="ltr"
          aria-describedby="refund-amount-hint"
          placeholder={refundable.toFixed(2)}
        />
      </DialogField>
      <DialogField id="refund-reason" label={t("reason")}>
        <Input id="refund-reason" name="reason" required maxLength={500} dir="auto" />
      </DialogField>
    </OrderActionDialog>
  );
}
