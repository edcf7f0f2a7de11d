import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApprovalsTable } from "@/components/approvals/approvals-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDisplayFormat } from "@/i18n/display-format";
import { listApprovals } from "@/lib/approvals/pending-approvals";
import { requireUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { decideRefundAction } from "../orders/[uuid]/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Approvals"))("title") };
}

// Ops see the queue (they field the customer's call); only admins decide.
export default async function ApprovalsPage() {
  const user = await requireUser("ops");
  const config = getConfig();
  const [rows, t, format] = await Promise.all([
    listApprovals(getDb(), config.refundApprovalExpiryMs),
    getTranslations("Approvals"),
    getDisplayFormat(),
  ]);
  const hours = config.refundApprovalExpiryMs / 3_600_000;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", {
          threshold: format.sar(config.refundApprovalThresholdSar),
          hours: t("hours", { count: hours, n: format.number(Math.round(hours * 10) / 10) }),
        })}
      />
      <ApprovalsTable rows={rows} viewer={user} decide={decideRefundAction} />
    </>
  );
}
