"use client";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { DialogField, OrderActionDialog, type SubmitOrderAction } from "./action-dialog";

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
  const t = useTranslations("OrderActions.complete");
  return (
    <OrderActionDialog kind="complete" orderUuid={orderUuid} submit={submit}>
      <DialogField
        id="complete-payment-method"
        label={t("method")}
        hint={t.rich("methodHint", { code: (chunks) => <code dir="ltr">{chunks}</code> })}
      >
        <Input
          id="complete-payment-method"
          name="paymentMethod"
          list="complete-payment-methods"
          maxLength={100}
          required
          autoComplete="off"
          dir="ltr"
          aria-describedby="complete-payment-method-hint"
        />
      </DialogField>
      <datalist id="complete-payment-methods">
        {COMMON_METHODS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </OrderActionDialog>
  );
}
