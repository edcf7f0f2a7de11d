"use client";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SHIPPING_STATUSES } from "@/lib/points/request-schemas";
import { DialogField, OrderActionDialog, type SubmitOrderAction } from "./action-dialog";

export function ShippingDialog({ orderUuid, submit }: { orderUuid: string; submit: SubmitOrderAction }) {
  const t = useTranslations("OrderActions.shipping");
  const status = useTranslations("Orders.shipping");
  return (
    <OrderActionDialog kind="shipping" orderUuid={orderUuid} submit={submit}>
      <DialogField id="shipping-status" label={t("status")}>
        <Select id="shipping-status" name="status">
          <option value="">{t("keep")}</option>
          {SHIPPING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {status(s)}
            </option>
          ))}
        </Select>
      </DialogField>
      {/* Each label is typed in its own language, whatever the page's. */}
      <DialogField id="shipping-name-ar" label={t("labelAr")}>
        <Input id="shipping-name-ar" name="nameAr" dir="rtl" lang="ar" maxLength={120} />
      </DialogField>
      <DialogField id="shipping-name-en" label={t("labelEn")}>
        <Input id="shipping-name-en" name="nameEn" dir="ltr" lang="en" maxLength={120} />
      </DialogField>
    </OrderActionDialog>
  );
}
