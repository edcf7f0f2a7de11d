"use client";
// A second admin decides a refund that waits for approval. The server checks
// again that the decider is an admin other than the requester.
import { useTranslations } from "next-intl";
import { ResultDialog } from "@/components/ui/result-dialog";
import { Input } from "@/components/ui/input";
import type { ActionResponse } from "@/lib/order-actions/request-order-action";
import { DialogField } from "./action-dialog";
import { useLocalisedResult } from "./use-notice-text";

export type DecideRefundAction = (
  input: { intentId: string; approve: true; password: string } | { intentId: string; approve: false; note?: string },
) => Promise<ActionResponse>;

const text = (value: FormDataEntryValue | undefined) => (typeof value === "string" ? value : "");

/** `amountLabel`: the amount as the reader reads it (formatted SAR, or "everything left"). */
export function RefundDecisionDialogs({
  intentId,
  amountLabel,
  decide,
}: {
  intentId: string;
  amountLabel: string;
  decide: DecideRefundAction;
}) {
  const t = useTranslations("OrderActions");
  const localised = useLocalisedResult();
  return (
    <div className="flex gap-2">
      <ResultDialog
        idempotent
        unreachable={t("unreachable")}
        trigger={t("decision.approve")}
        triggerVariant="primary"
        title={t("decision.approveTitle")}
        description={t("decision.approveDescription", { amount: amountLabel })}
        submitLabel={t("decision.approveSubmit")}
        submitVariant="danger"
        send={async (fields) => localised(await decide({ intentId, approve: true, password: text(fields.password) }))}
      >
        <DialogField id={`approve-password-${intentId}`} label={t("decision.password")}>
          <Input
            id={`approve-password-${intentId}`}
            name="password"
            type="password"
            autoComplete="current-password"
            dir="ltr"
            required
          />
        </DialogField>
      </ResultDialog>
      <ResultDialog
        idempotent
        unreachable={t("unreachable")}
        trigger={t("decision.reject")}
        title={t("decision.rejectTitle")}
        description={t("decision.rejectDescription")}
        submitLabel={t("decision.rejectSubmit")}
        send={async (fields) => localised(await decide({ intentId, approve: false, note: text(fields.note) }))}
      >
        <DialogField id={`reject-note-${intentId}`} label={t("decision.note")}>
          <Input id={`reject-note-${intentId}`} name="note" maxLength={500} dir="auto" />
        </DialogField>
      </ResultDialog>
    </div>
  );
}
