"use client";
// A second admin decides a refund that waits for approval. The server checks
// again that the decider is an admin other than the requester.
import { ResultDialog } from "@/components/ui/result-dialog";
import { Input } from "@/components/ui/input";
import type { ActionResponse } from "@/lib/order-actions/request-order-action";
import { DialogField } from "./action-dialog";

export type DecideRefundAction = (
  input: { intentId: string; approve: true; password: string } | { intentId: string; approve: false; note?: string },
) => Promise<ActionResponse>;

const text = (value: FormDataEntryValue | undefined) => (typeof value === "string" ? value : "");

export function RefundDecisionDialogs({
  intentId,
  amountLabel,
  decide,
}: {
  intentId: string;
  amountLabel: string;
  decide: DecideRefundAction;
}) {
  return (
    <div className="flex gap-2">
      <ResultDialog
        idempotent
        trigger="Approve"
        triggerVariant="primary"
        title="Approve this refund"
        description={`Points is asked to refund ${amountLabel} as soon as you approve. Enter your password to confirm it is you.`}
        submitLabel="Approve and send"
        submitVariant="danger"
        send={(fields) => decide({ intentId, approve: true, password: text(fields.password) })}
      >
        <DialogField id={`approve-password-${intentId}`} label="Your password">
          <Input
            id={`approve-password-${intentId}`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </DialogField>
      </ResultDialog>
      <ResultDialog
        idempotent
        trigger="Reject"
        title="Reject this refund"
        description="The refund is not sent to Points. The requester sees your note."
        submitLabel="Reject refund"
        send={(fields) => decide({ intentId, approve: false, note: text(fields.note) })}
      >
        <DialogField id={`reject-note-${intentId}`} label="Note (optional)">
          <Input id={`reject-note-${intentId}`} name="note" maxLength={500} dir="auto" />
        </DialogField>
      </ResultDialog>
    </div>
  );
}
