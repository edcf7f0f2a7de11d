"use client";
import { ResultDialog } from "@/components/ui/result-dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SHIPPING_STATUSES } from "@/lib/points/request-schemas";
import { DialogField, type SubmitOrderAction } from "./action-dialog";

export function ShippingDialog({ orderUuid, submit }: { orderUuid: string; submit: SubmitOrderAction }) {
  return (
    <ResultDialog
      idempotent
      trigger="Update shipping…"
      title="Update shipping status"
      description="Choose a status, write a label, or both. Without an English label Points translates the Arabic one."
      submitLabel="Update shipping"
      send={(fields, idempotencyKey) => submit({ ...fields, kind: "shipping", orderUuid, idempotencyKey })}
    >
      <DialogField id="shipping-status" label="Status">
        <Select id="shipping-status" name="status">
          <option value="">Keep the current status</option>
          {SHIPPING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </DialogField>
      <DialogField id="shipping-name-ar" label="Arabic label">
        <Input id="shipping-name-ar" name="nameAr" dir="rtl" lang="ar" maxLength={120} />
      </DialogField>
      <DialogField id="shipping-name-en" label="English label">
        <Input id="shipping-name-en" name="nameEn" maxLength={120} />
      </DialogField>
    </ResultDialog>
  );
}
