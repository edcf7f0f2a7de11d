"use client";
// Admins create orders at Points from the Orders page: a manual earning (E1)
// and a payment link for an order taken by phone or WhatsApp (E4). The
// answer stays in the dialog: the earning's order to open, or the link to copy.
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ResultDialog } from "@/components/ui/result-dialog";
import type { StaffRequestResult } from "@/lib/orders/staff-requests";
import { DialogField } from "./action-dialog";
import { CopyButton } from "./copy-button";

export type StaffRequestAction = (input: unknown) => Promise<StaffRequestResult>;
type RequestDialogProps = ComponentProps<typeof ResultDialog<StaffRequestResult>>;

const UNREACHABLE = "The dashboard could not be reached; check the audit log before trying again.";

function RequestDialog({
  send,
  ...props
}: { send: StaffRequestAction } & Omit<RequestDialogProps, "send" | "outcome">) {
  const router = useRouter();
  return (
    <ResultDialog
      {...props}
      unreachable={UNREACHABLE}
      send={async (fields) => {
        const result = await send(fields);
        // The new order (or the link's pending one) shows in the list behind the dialog.
        if (result.ok) router.refresh();
        return result;
      }}
      outcome={(result) => <Outcome result={result} />}
    />
  );
}

function Outcome({ result }: { result: Extract<StaffRequestResult, { ok: true }> }) {
  return (
    <div className="grid gap-2 rounded-md bg-success-bg p-3 text-success-fg" data-testid="request-outcome">
      <p className="text-sm font-medium">{result.message}</p>
      {result.checkoutUrl && (
        <div className="flex items-center gap-2">
          <Input readOnly value={result.checkoutUrl} aria-label="Payment link" data-testid="checkout-url" dir="ltr" />
          <CopyButton value={result.checkoutUrl} label="Payment link" />
        </div>
      )}
      {result.orderUuid && (
        <Link href={`/orders/${result.orderUuid}`} className={buttonClasses({ size: "sm" })}>
          Open the order
        </Link>
      )}
    </div>
  );
}

function CommonFields({ prefix, phoneRequired }: { prefix: string; phoneRequired: boolean }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <DialogField id={id("order-number")} label="Order number" hint="The merchant's own, unique number.">
        <Input id={id("order-number")} name="orderNumber" required maxLength={255} autoComplete="off" />
      </DialogField>
      <DialogField
        id={id("phone")}
        label={phoneRequired ? "Customer mobile" : "Customer mobile (optional)"}
        hint="05XXXXXXXX, 5XXXXXXXX or +966…"
      >
        <Input id={id("phone")} name="phoneNumber" type="tel" required={phoneRequired} maxLength={20} dir="ltr" />
      </DialogField>
      <div className="grid grid-cols-2 gap-3">
        <DialogField id={id("amount")} label="Amount (SAR)">
          <Input id={id("amount")} name="totalPrice" inputMode="decimal" required maxLength={14} dir="ltr" />
        </DialogField>
        <DialogField id={id("product")} label="What was bought">
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
  return (
    <div className="flex flex-wrap gap-2">
      <RequestDialog
        trigger="Award points…"
        title="Create an earning order"
        description="Points awards the customer for a purchase: as a goodwill gesture, or to retry an earning the store's backend failed to send. Points computes the points from the amount."
        submitLabel="Create earning"
        send={createEarning}
      >
        <DialogField id="earning-reason" label="Why">
          <Select id="earning-reason" name="reason" defaultValue="goodwill">
            <option value="goodwill">Goodwill award</option>
            <option value="retry">Retry a failed earning</option>
          </Select>
        </DialogField>
        <CommonFields prefix="earning" phoneRequired />
        <DialogField id="earning-note" label="Note (optional)" hint="Kept in the audit log, not sent to Points.">
          <Input id="earning-note" name="note" maxLength={500} dir="auto" />
        </DialogField>
      </RequestDialog>
      <RequestDialog
        trigger="Payment link…"
        title="Open a checkout for a phone or WhatsApp order"
        description="Points opens a hosted checkout; send its link to the customer. The order appears here when Points sends its first webhook."
        submitLabel="Create link"
        send={createPaymentLink}
      >
        <DialogField id="link-channel" label="Order taken by">
          <Select id="link-channel" name="channel" defaultValue="whatsapp">
            <option value="whatsapp">WhatsApp</option>
            <option value="phone">Phone</option>
          </Select>
        </DialogField>
        <CommonFields prefix="link" phoneRequired={false} />
      </RequestDialog>
    </div>
  );
}
