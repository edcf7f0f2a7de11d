// Where a two-person refund stands for the person looking, shared by the
// approvals inbox and the order page's Staff actions card: a second admin gets
// the approve/reject dialogs, everyone else the reason they cannot decide.
import { getTranslations } from "next-intl/server";
import type { StaffUser } from "@/lib/auth/require-user";
import { RefundDecisionDialogs, type DecideRefundAction } from "./refund-decision-dialogs";

export async function RefundDecisionCell({
  request,
  amountLabel,
  viewer,
  decide,
}: {
  request: { id: string; status: string; requestedById: string };
  amountLabel: string;
  viewer: StaffUser;
  decide: DecideRefundAction;
}) {
  const t = await getTranslations("StaffActions.decision");
  const why =
    request.status === "expired"
      ? t("expired")
      : request.status !== "pending_approval"
        ? null
        : request.requestedById === viewer.id
          ? t("ownRequest")
          : viewer.role !== "admin"
            ? t("adminDecides")
            : undefined;
  if (why === null) return null;
  if (why !== undefined) return <span className="text-xs text-muted-foreground">{why}</span>;
  return <RefundDecisionDialogs intentId={request.id} amountLabel={amountLabel} decide={decide} />;
}
