"use client";
// Admins create orders at Points from the Orders page: a manual earning (E1)
// and a payment link for an order taken by phone or WhatsApp (E4). The
// answer stays in the dialog: the earning's order to open, or the link to copy.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ResultDialog } from "@/components/ui/result-dialog";
import type { StaffRequestResult } from "@/lib/orders/staff-requests";
import { DialogField } from "./action-dialog";
import { CopyButton } from "./copy-button";
import { useLocalisedResult } from "./use-notice-text";

export type StaffRequestAction = (input: unknown) => Promise<StaffRequestResult>;
type RequestDialogProps = ComponentProps<typeof ResultDialog<StaffRequestResult>>;

function RequestDialog({
  send,
  ...props
}: { send: StaffRequestAction } & Omit<RequestDialogProps, "send" | "outcome">) {
  const t = useTranslations("Orders.requests");
  const localised = useLocalisedResult();
  const router = useRouter();
  return (
    <ResultDialog
      {...props}
      unreachable={t("unreachable")}
      send={async (fields) => {
        const result = localised(await send(fields));
        // The new order (or the link's pending one) shows in the list behind the dialog.
        if (result.ok) router.refresh();
        return result;
      }}
      outcome={(result) => <Outcome result={result} />}
    />
  );
}

function Outcome({ result }: { result: Extract<StaffRequestResult, { ok: true }> }) {
  const t = useTranslations("Orders.requests");
  return (
    <div className="grid gap-2 rounded-md bg-success-bg p-3 text-success-fg" data-testid="request-outcome">
      <p className="text-sm font-medium">{result.message}</p>
      {result.checkoutUrl && (
        <div className="flex items-center gap-2">
          <Input
            readOnly
            value={result.checkoutUrl}
            aria-label={t("paymentLink")}
            data-testid="checkout-url"
            dir="ltr"
          />
          <CopyButton value={result.checkoutUrl} label={t("paymentLink")} />
        </div>
      )}
      {result.orderUuid && (
        <Link href={`/orders/${result.orderUuid}`} className={buttonClasses({ size: "sm" })}>
          {t("openOrder")}
        </Link>
      )}
    </div>
  );
}

function CommonFields({ prefix, phoneRequired }: { prefix: string; phoneRequired: boolean }) {
  const t = useTranslations("Orders.requests");
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <DialogField id={id("order-number")} label={t("orderNumber")} hint={t("orderNumberHint")}>
        <Input id={id("order-number")} name="orderNumber" required maxLength={255} autoComplete="off" />
      </DialogField>
      <DialogField id={id("phone")} label={phoneRequired ? t("phone") : t("phoneOptional")} hint={t("phoneHint")}>
        <Input id={id("phone")} name="phoneNumber" type="tel" required={phoneRequired} maxLength={20} dir="ltr" />
      </DialogField>
      <div className="grid grid-cols-2 gap-3">
        <DialogField id={id("amount")} label={t("amount")}>
          <Input id={id("amount")} name="totalPrice" inputMode="decimal" required maxLength={14} dir="ltr" />
        </DialogField>
        <DialogField id={id("product")} label={t("product")}>
          <Input id={id("product")} name="productName" required maxLength={255} dir="auto" />
        </DialogField>
      </div>
    </>
  );
}

export function StaffRequestDialogs({
  createEarning,
  createPaymentLink,
}: {
  createEarning: StaffRequestAction;
  createPaymentLink: StaffRequestAction;
}) {
  const t = useTranslations("Orders.requests");
  return (
    <div className="flex flex-wrap gap-2">
      <RequestDialog
        trigger={t("earningTrigger")}
        title={t("earningTitle")}
        description={t("earningDescription")}
        submitLabel={t("earningSubmit")}
        send={createEarning}
      >
        <DialogField id="earning-reason" label={t("why")}>
          <Select id="earning-reason" name="reason" defaultValue="goodwill">
            <option value="goodwill">{t("goodwill")}</option>
            <option value="retry">{t("retry")}</option>
          </Select>
        </DialogField>
        <CommonFields prefix="earning" phoneRequired />
        <DialogField id="earning-note" label={t("note")} hint={t("noteHint")}>
          <Input id="earning-note" name="note" maxLength={500} dir="auto" />
        </DialogField>
      </RequestDialog>
      <RequestDialog
        trigger={t("linkTrigger")}
        title={t("linkTitle")}
        description={t("linkDescription")}
        submitLabel={t("linkSubmit")}
        send={createPaymentLink}
      >
        <DialogField id="link-channel" label={t("channel")}>
          <Select id="link-channel" name="channel" defaultValue="whatsapp">
            <option value="whatsapp">{t("whatsapp")}</option>
            <option value="phone">{t("phoneChannel")}</option>
          </Select>
        </DialogField>
        <CommonFields prefix="link" phoneRequired={false} />
      </RequestDialog>
    </div>
  );
}
