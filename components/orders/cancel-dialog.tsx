"use client";
import { ResultDialog } from "@/components/ui/result-dialog";
import { Input } from "@/components/ui/input";
import { DialogField, type SubmitOrderAction } from "./action-dialog";

export function CancelDialog({ orderUuid, submit }: { orderUuid: string; submit: SubmitOrderAction }) {
  return (
    <ResultDialog
      idempotent
      trigger="Cancel order…"
      triggerVariant="danger"
      title="Cancel this order"
      description="Points releases any points reserved for the customer. This cannot be undone."
      submitLabel="Cancel order"
      submitVariant="danger"
      send={(fields, idempotencyKey) => submit({ ...fields, kind: "cancel", orderUuid, idempotencyKey })}
    >
      <DialogField
        id="cancel-reason"
        label="Reason (optional)"
        hint="Sent to Points and echoed in its cancelled webhook; at most 500 characters."
      >
        <Input id="cancel-reason" name="reason" maxLength={500} aria-describedby="cancel-reason-hint" />
      </DialogField>
    </ResultDialog>
  );
}
