// Two-person refunds waiting for a second admin, and those that expired.
// Deciding happens here or on the order page, through the same action.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { RefundDecisionDialogs, type DecideRefundAction } from "@/components/orders/refund-decision-dialogs";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import type { ApprovalRow } from "@/lib/approvals/pending-approvals";
import type { StaffUser } from "@/lib/auth/require-user";

type T = Awaited<ReturnType<typeof getTranslations<"Approvals">>>;

function Decision({
  row,
  viewer,
  decide,
  amount,
  t,
}: {
  row: ApprovalRow;
  viewer: StaffUser;
  decide: DecideRefundAction;
  amount: string;
  t: T;
}) {
  if (row.status === "expired") return <span className="text-xs text-muted-foreground">{t("expiredNotSent")}</span>;
  if (row.requestedById === viewer.id) return <span className="text-xs text-muted-foreground">{t("ownRequest")}</span>;
  if (viewer.role !== "admin") return <span className="text-xs text-muted-foreground">{t("adminDecides")}</span>;
  return <RefundDecisionDialogs intentId={row.id} amountLabel={amount} decide={decide} />;
}

export async function ApprovalsTable({
  rows,
  viewer,
  decide,
}: {
  rows: ApprovalRow[];
  viewer: StaffUser;
  decide: DecideRefundAction;
}) {
  const [t, actions, format] = await Promise.all([
    getTranslations("Approvals"),
    getTranslations("OrderActions.decision"),
    getDisplayFormat(),
  ]);
  const amountOf = (row: ApprovalRow) => (row.amount === null ? actions("everythingLeft") : format.sar(row.amount));
  if (rows.length === 0) return <EmptyState title={t("empty")} description={t("emptyDescription")} />;
  return (
    <Table label={t("table")}>
      <THead>
        <Tr>
          <Th>{t("columns.order")}</Th>
          <Th numeric>{t("columns.amount")}</Th>
          <Th>{t("columns.reason")}</Th>
          <Th>{t("columns.requestedBy")}</Th>
          <Th>{t("columns.requested")}</Th>
          <Th>{t("columns.expires")}</Th>
          <Th>
            <span className="sr-only">{t("columns.decision")}</span>
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
                <Ltr>{row.orderNumber ?? row.orderUuid}</Ltr>
              </Link>
            </Td>
            <Td numeric className="whitespace-nowrap">
              {row.amount === null ? amountOf(row) : <Ltr>{amountOf(row)}</Ltr>}
            </Td>
            {/* What people typed (a reason, a name) keeps its own direction. */}
            <Td userText>{row.reason ? <bdi>{row.reason}</bdi> : "—"}</Td>
            <Td userText>{row.requestedBy ? <bdi>{row.requestedBy}</bdi> : t("deletedUser")}</Td>
            <Td className="whitespace-nowrap text-xs">{format.dateTime(row.createdAt)}</Td>
            <Td className="whitespace-nowrap text-xs">
              {row.status === "expired" ? (
                <Badge tone="neutral" data-testid="approval-expired">
                  {t("expired")}
                </Badge>
              ) : (
                format.dateTime(row.expiresAt)
              )}
            </Td>
            <Td>
              <Decision row={row} viewer={viewer} decide={decide} amount={amountOf(row)} t={t} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
