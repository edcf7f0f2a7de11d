"use client";
import { ResultDialog } from "@/components/ui/result-dialog";
import { Input } from "@/components/ui/input";
import { DialogField, type SubmitOrderAction } from "./action-dialog";

// Suggestions only: Points documents no list of payment methods (§8.6), so any text is sent as typed.
const COMMON_METHODS = [
  "mada",
  "visa",
  "mastercard",
  "apple_pay",
  "stc_pay",
  "tabby",
  "tamara",
  "cash",
  "bank_transfer",
];

export function CompleteDialog({ orderUuid, submit }: { orderUuid: string; submit: SubmitOrderAction }) {
  return (
    <ResultDialog
      idempotent
      trigger="Complete…"
      title="Mark this order complete"
      description="Tells Points the checkout is fully paid and how; the order becomes approved."
      submitLabel="Complete order"
      send={(fields, idempotencyKey) => submit({ ...fields, kind: "complete", orderUuid, idempotencyKey })}
    >
      <DialogField
        id="complete-payment-method"
        label="Payment method"
        hint="How the customer paid the rest, as Points should record it (e.g. mada, apple_pay)."
      >
        <Input
          id="complete-payment-method"
          name="paymentMethod"
          list="complete-payment-methods"
          maxLength={100}
          required
          autoComplete="off"
          aria-describedby="complete-payment-method-hint"
        />
      </DialogField>
      <datalist id="complete-payment-methods">
        {COMMON_METHODS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </ResultDialog>
  );
}
