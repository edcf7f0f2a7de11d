// Two-person refunds waiting for a second admin, and those that expired.
// Deciding happens here or on the order page, through the same action.
import Link from "next/link";
import { RefundDecisionDialogs, type DecideRefundAction } from "@/components/orders/refund-decision-dialogs";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ApprovalRow } from "@/lib/approvals/pending-approvals";
import type { StaffUser } from "@/lib/auth/require-user";
import { formatDateTime, formatSar } from "@/lib/format";

const amountLabel = (row: ApprovalRow) => (row.amount === null ? "everything left" : formatSar(row.amount));

function Decision({ row, viewer, decide }: { row: ApprovalRow; viewer: StaffUser; decide: DecideRefundAction }) {
  if (row.status === "expired") return <span className="text-xs text-muted-foreground">Expired; not sent</span>;
  if (row.requestedById === viewer.id)
    return <span className="text-xs text-muted-foreground">You asked: another admin decides</span>;
  if (viewer.role !== "admin") return <span className="text-xs text-muted-foreground">An admin decides</span>;
  return <RefundDecisionDialogs intentId={row.id} amountLabel={amountLabel(row)} decide={decide} />;
}

export function ApprovalsTable({
  rows,
  viewer,
  decide,
}: {
  rows: ApprovalRow[];
  viewer: StaffUser;
  decide: DecideRefundAction;
}) {
  if (rows.length === 0)
    return (
      <EmptyState
        title="Nothing waits for approval"
        description="Refunds above the threshold appear here until a second admin approves or rejects them."
      />
    );
  return (
    <Table label="Refunds waiting for a second admin">
      <THead>
        <Tr>
          <Th>Order</Th>
          <Th numeric>Amount</Th>
          <Th>Reason</Th>
          <Th>Requested by</Th>
          <Th>Requested</Th>
          <Th>Expires</Th>
          <Th>
            <span className="sr-only">Decision</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid="approval-row">
            <Td mono>
              <Link
                href={`/orders/${row.orderUuid}`}
                className="font-medium text-accent underline-offset-2 hover:underline"
              >
                {row.orderNumber ?? row.orderUuid}
              </Link>
            </Td>
            <Td numeric>{amountLabel(row)}</Td>
            <Td userText>{row.reason ?? "—"}</Td>
            <Td>{row.requestedBy ?? "a deleted user"}</Td>
            <Td className="whitespace-nowrap text-xs">{formatDateTime(row.createdAt)}</Td>
            <Td className="whitespace-nowrap text-xs">
              {row.status === "expired" ? (
                <Badge tone="neutral" data-testid="approval-expired">
                  expired
                </Badge>
              ) : (
                formatDateTime(row.expiresAt)
              )}
            </Td>
            <Td>
              <Decision row={row} viewer={viewer} decide={decide} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
