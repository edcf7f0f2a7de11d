"use client";
import { ResultDialog } from "@/components/ui/result-dialog";
import { type SubmitOrderAction } from "./action-dialog";

type ConfirmKind = "authorize" | "capture";

const TEXT: Record<ConfirmKind, { trigger: string; title: string; description: string; submit: string }> = {
  authorize: {
    trigger: "Authorize…",
    title: "Authorize this order",
    description: "Reserves the funds at Points without capturing them (two-step payment).",
    submit: "Authorize",
  },
  capture: {
    trigger: "Capture…",
    title: "Capture this order",
    description: "Captures the authorized funds at Points.",
    submit: "Capture",
  },
};

export function ConfirmActionDialog({
  kind,
  orderUuid,
  submit,
}: {
  kind: ConfirmKind;
  orderUuid: string;
  submit: SubmitOrderAction;
}) {
  const text = TEXT[kind];
  return (
    <ResultDialog
      idempotent
      trigger={text.trigger}
      title={text.title}
      description={text.description}
      submitLabel={text.submit}
      send={(_fields, idempotencyKey) => submit({ kind, orderUuid, idempotencyKey })}
    />
  );
}
