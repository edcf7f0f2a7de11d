import type { Metadata } from "next";
import { ApprovalsTable } from "@/components/approvals/approvals-table";
import { PageHeader } from "@/components/ui/page-header";
import { listApprovals } from "@/lib/approvals/pending-approvals";
import { requireUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { formatSar } from "@/lib/format";
import { decideRefundAction } from "../orders/[uuid]/actions";

export const metadata: Metadata = { title: "Approvals" };

const hours = (ms: number) => {
  const h = ms / 3_600_000;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} hour${h === 1 ? "" : "s"}`;
};

// Ops see the queue (they field the customer's call); only admins decide.
export default async function ApprovalsPage() {
  const user = await requireUser("ops");
  const config = getConfig();
  const rows = await listApprovals(getDb(), config.refundApprovalExpiryMs);
  return (
    <>
      <PageHeader
        title="Approvals"
        description={`Refunds above ${formatSar(config.refundApprovalThresholdSar)} wait here for a second admin. A request nobody decides within ${hours(config.refundApprovalExpiryMs)} expires and is never sent (REFUND_APPROVAL_EXPIRY_HOURS).`}
      />
      <ApprovalsTable rows={rows} viewer={user} decide={decideRefundAction} />
    </>
  );
}
