// What staff asked Points to do with this order, newest first, and where each
// request stands: waiting for a second admin, sent, confirmed by webhook.
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { StaffUser } from "@/lib/auth/require-user";
import { formatDateTime, formatSar } from "@/lib/format";
import type { IntentStatus } from "@/lib/generated/prisma/enums";
import type { OrderIntentRow } from "@/lib/orders/list-order-intents";
import { RefundDecisionDialogs, type DecideRefundAction } from "./refund-decision-dialogs";

const STATUS_TONE: Record<IntentStatus, Tone> = {
  pending_approval: "info",
  rejected: "neutral",
  sending: "info",
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  expired: "neutral",
};

const CONFIRMATION: Record<NonNullable<OrderIntentRow["confirmation"]>, { tone: Tone; label: string }> = {
  awaiting: { tone: "info", label: "Awaiting webhook" },
  overdue: { tone: "warning", label: "Overdue" },
  confirmed: { tone: "success", label: "Confirmed" },
};

function paramsOf(intent: OrderIntentRow): Record<string, unknown> {
  const p = intent.params;
  return p && typeof p === "object" && !Array.isArray(p) ? p : {};
}

function refundAmountLabel(params: Record<string, unknown>): string {
  return typeof params.amount === "number" ? formatSar(params.amount) : "everything left";
}

function summary(intent: OrderIntentRow): string {
  const p = paramsOf(intent);
  const parts =
    intent.kind === "refund"
      ? [refundAmountLabel(p), p.reason]
      : intent.kind === "cancel"
        ? [p.reason ?? "no reason given"]
        : intent.kind === "shipping"
          ? [typeof p.status === "string" ? p.status.replace(/_/g, " ") : undefined, p.nameAr, p.nameEn]
          : intent.kind === "complete"
            ? [p.paymentMethod]
            : [];
  return parts.filter((v) => typeof v === "string" && v !== "").join(" · ") || "—";
}

const person = (u: OrderIntentRow["requestedBy"]) => (u ? u.name : "a deleted user");

function Decision({
  intent,
  viewer,
  decide,
}: {
  intent: OrderIntentRow;
  viewer: StaffUser;
  decide: DecideRefundAction;
}) {
  if (intent.status === "expired")
    return <span className="text-xs text-muted-foreground">Expired: nobody decided in time</span>;
  if (intent.status !== "pending_approval") return null;
  if (intent.requestedById === viewer.id)
    return <span className="text-xs text-muted-foreground">Needs a second admin to approve</span>;
  if (viewer.role !== "admin") return <span className="text-xs text-muted-foreground">Waiting for an admin</span>;
  return (
    <RefundDecisionDialogs intentId={intent.id} amountLabel={refundAmountLabel(paramsOf(intent))} decide={decide} />
  );
}

export function IntentList({
  intents,
  viewer,
  decide,
}: {
  intents: OrderIntentRow[];
  viewer: StaffUser;
  decide: DecideRefundAction;
}) {
  if (intents.length === 0)
    return (
      <EmptyState
        title="No staff actions yet"
        description="Refunds, cancellations and shipping updates made here are listed with their progress."
      />
    );
  return (
    <Table label="Staff actions on this order, newest first" stickyHeader={false}>
      <THead>
        <Tr>
          <Th>Requested</Th>
          <Th>Action</Th>
          <Th>Details</Th>
          <Th>Status</Th>
          <Th>Requested by</Th>
          <Th>Decided by</Th>
          <Th>Result</Th>
          <Th>Confirmation</Th>
          <Th>
            <span className="sr-only">Decision</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {intents.map((intent) => (
          <Tr key={intent.id} data-testid="intent-row">
            <Td className="whitespace-nowrap text-xs">{formatDateTime(intent.createdAt)}</Td>
            <Td>{intent.kind}</Td>
            <Td userText>{summary(intent)}</Td>
            <Td>
              <Badge tone={STATUS_TONE[intent.status]} data-testid="intent-status">
                {intent.status.replace(/_/g, " ")}
              </Badge>
            </Td>
            <Td>{person(intent.requestedBy)}</Td>
            <Td userText>
              {intent.decidedBy ? person(intent.decidedBy) : "—"}
              {intent.decisionNote && (
                <span className="block text-xs text-muted-foreground">{intent.decisionNote}</span>
              )}
            </Td>
            <Td className="max-w-xs text-xs">{intent.resultMessage ?? "—"}</Td>
            <Td>
              {intent.confirmation ? (
                <Badge tone={CONFIRMATION[intent.confirmation].tone} data-testid="intent-confirmation">
                  {CONFIRMATION[intent.confirmation].label}
                </Badge>
              ) : (
                "—"
              )}
            </Td>
            <Td>
              <Decision intent={intent} viewer={viewer} decide={decide} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
