// Two-person refunds waiting for a second admin, and those that expired.
// Deciding happens here or on the order page, through the same action and the
// same decision cell.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import type { DecideRefundAction } from "@/components/orders/refund-decision-dialogs";
import { RefundDecisionCell } from "@/components/orders/refund-decision-cell";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import type { ApprovalRow } from "@/lib/approvals/pending-approvals";
import type { StaffUser } from "@/lib/auth/require-user";

export async function ApprovalsTable({
  rows,
  viewer,
  decide,
}: {
  rows: ApprovalRow[];
  viewer: StaffUser;
  decide: DecideRefundAction;
}) {
  const [t, tStaff, format] = await Promise.all([
    getTranslations("StaffActions.approvals"),
    getTranslations("StaffActions"),
    getDisplayFormat(),
  ]);
  if (rows.length === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />;
  const amountLabel = (row: ApprovalRow) => (row.amount === null ? tStaff("everythingLeft") : format.sar(row.amount));
  return (
    <Table label={t("tableLabel")}>
      <THead>
        <tr>
          <Th className="text-start">{t("order")}</Th>
          <Th numeric className="text-end">
            {t("amount")}
          </Th>
          <Th className="text-start">{t("reason")}</Th>
          <Th className="text-start">{t("requestedBy")}</Th>
          <Th className="text-start">{t("requested")}</Th>
          <Th className="text-start">{t("expires")}</Th>
          <Th className="text-start">
            <span className="sr-only">{tStaff("columns.decision")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="approval-row">
            <Td mono className="text-start">
              <Link
                href={`/orders/${row.orderUuid}`}
                className="font-medium text-accent underline-offset-2 hover:underline"
              >
                <Ltr>{row.orderNumber ?? row.orderUuid}</Ltr>
              </Link>
            </Td>
            <Td numeric className="text-end">
              <Ltr>{amountLabel(row)}</Ltr>
            </Td>
            <Td userText className="text-start">
              {row.reason ? <bdi dir="auto">{row.reason}</bdi> : "—"}
            </Td>
            <Td className="text-start">
              {row.requestedBy ? <bdi dir="auto">{row.requestedBy}</bdi> : tStaff("deletedUser")}
            </Td>
            <Td className="whitespace-nowrap text-start text-xs">{format.dateTime(row.createdAt)}</Td>
            <Td className="whitespace-nowrap text-start text-xs">
              {row.status === "expired" ? (
                <Badge tone="neutral" data-testid="approval-expired">
                  {t("expired")}
                </Badge>
              ) : (
                format.dateTime(row.expiresAt)
              )}
            </Td>
            <Td className="text-start">
              <RefundDecisionCell request={row} amountLabel={amountLabel(row)} viewer={viewer} decide={decide} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
