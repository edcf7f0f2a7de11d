"use client";
import { ResultDialog } from "@/components/ui/result-dialog";
import { Input } from "@/components/ui/input";
import { formatSar } from "@/lib/format";
import { DialogField, type SubmitOrderAction } from "./action-dialog";

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
  return (
    <ResultDialog
      idempotent
      trigger="Refund…"
      title="Refund this order"
      description={`Up to ${formatSar(refundable)} is left to refund. Refunds of one order above ${formatSar(approvalThresholdSar)} within 24 hours wait for a second admin's approval.`}
      submitLabel="Send refund"
      submitVariant="danger"
      send={(fields, idempotencyKey) => submit({ ...fields, kind: "refund", orderUuid, idempotencyKey })}
    >
      <DialogField id="refund-amount" label="Amount (SAR)" hint="Leave empty to refund everything that is left.">
        <Input
          id="refund-amount"
          name="amount"
          type="number"
          inputMode="decimal"
          min="0.01"
          max={refundable}
          step="0.01"
          aria-describedby="refund-amount-hint"
          placeholder={refundable.toFixed(2)}
        />
      </DialogField>
      <DialogField id="refund-reason" label="Reason">
        <Input id="refund-reason" name="reason" required maxLength={500} />
      </DialogField>
    </ResultDialog>
  );
}
