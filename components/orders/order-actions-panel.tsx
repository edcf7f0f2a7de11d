// The actions this staff member may take on the order in its current state
// (allowed-actions.ts). Points still decides; its refusal comes back as a toast.
import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Role } from "@/lib/auth/roles";
import { allowedActions, type OrderForActions } from "@/lib/orders/allowed-actions";
import type { SubmitOrderAction } from "./action-dialog";
import { CancelDialog } from "./cancel-dialog";
import { CompleteDialog } from "./complete-dialog";
import { ConfirmActionDialog } from "./confirm-action-dialog";
import { RefundDialog } from "./refund-dialog";
import { ShippingDialog } from "./shipping-dialog";

export function OrderActionsPanel({
  orderUuid,
  order,
  role,
  approvalThresholdSar,
  submit,
}: {
  orderUuid: string;
  order: OrderForActions;
  role: Role;
  approvalThresholdSar: number;
  submit: SubmitOrderAction;
}) {
  const t = useTranslations("OrderActions");
  const actions = allowedActions(order, role);
  if (actions.length === 0) return null;
  return (
    <Card data-testid="order-actions">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-2">
        {actions.map((kind) => {
          switch (kind) {
            case "refund":
              return (
                <RefundDialog
                  key={kind}
                  orderUuid={orderUuid}
                  refundable={order.refundable}
                  approvalThresholdSar={approvalThresholdSar}
                  submit={submit}
                />
              );
            case "cancel":
              return <CancelDialog key={kind} orderUuid={orderUuid} submit={submit} />;
            case "shipping":
              return <ShippingDialog key={kind} orderUuid={orderUuid} submit={submit} />;
            case "complete":
              return <CompleteDialog key={kind} orderUuid={orderUuid} submit={submit} />;
            default:
              return <ConfirmActionDialog key={kind} kind={kind} orderUuid={orderUuid} submit={submit} />;
          }
        })}
      </CardContent>
    </Card>
  );
}
