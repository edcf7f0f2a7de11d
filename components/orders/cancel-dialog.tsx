"use client";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { DialogField, OrderActionDialog, type SubmitOrderAction } from "./action-dialog";

export function CancelDialog({ orderUuid, submit }: { orderUuid: string; submit: SubmitOrderAction }) {
  const t = useTranslations("OrderActions.cancel");
  return (
    <OrderActionDialog
      kind="cancel"
      orderUuid={orderUuid}
      submit={submit}
      triggerVariant="danger"
      submitVariant="danger"
    >
      <DialogField id="cancel-reason" label={t("reason")} hint={t("reasonHint")}>
        <Input id="cancel-reason" name="reason" maxLength={500} dir="auto" aria-describedby="cancel-reason-hint" />
      </DialogField>
    </OrderActionDialog>
  );
}
