// Everything the dashboard knows about the order itself, from the latest
// snapshot Points sent (webhook or API read).
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Card, CardContent } from "@/components/ui/card";
import { getDisplayFormat } from "@/i18n/display-format";
import type { Order } from "@/lib/generated/prisma/client";
import { stateAllows } from "@/lib/orders/allowed-actions";
import type { RefundPosition } from "@/lib/refunds/refund-position";
import { CopyButton } from "./copy-button";
import { OrderStatusBadge } from "./order-status-badge";
import { RefundAmounts } from "./refund-amounts";
import { SummaryField as Field } from "./summary-field";
import { StatusWord } from "./status-word";

// Points' own `date` (midnight of the day) and `time` display helpers (§3.1); their timezone is UNKNOWN (§8.22).
function orderDate(order: Order): string | null {
  if (!order.pointsDate && !order.pointsTime) return null;
  return [order.pointsDate?.slice(0, 10), order.pointsTime].filter(Boolean).join(" ");
}

export async function OrderSummary({ order, refunds }: { order: Order; refunds: RefundPosition }) {
  const [t, types, format] = await Promise.all([
    getTranslations("OrderPage.summary"),
    getTranslations("Orders.types"),
    getDisplayFormat(),
  ]);
  const total = Number(order.totalPrice);
  const state = {
    type: order.type,
    orderStatus: order.orderStatus,
    refundable: refunds.refundable,
  };
  // Nothing is refundable before settlement or after a cancellation, whatever the arithmetic says.
  const refundAllowed = stateAllows("refund", state);
  const date = orderDate(order);
  return (
    <Card data-testid="order-summary">
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Field label={t("orderNumber")}>
            <Ltr className="break-all font-mono text-xs">{order.orderNumber}</Ltr>
          </Field>
          <Field label={t("referenceNumber")}>
            <Ltr className="break-all font-mono text-xs">{order.referenceNumber ?? "—"}</Ltr>
          </Field>
          <Field label={t("pointsUuid")} wide>
            <span className="flex items-center gap-1">
              <Ltr className="break-all font-mono text-xs" data-testid="points-uuid">
                {order.pointsUuid}
              </Ltr>
              <CopyButton value={order.pointsUuid} label={t("pointsUuid")} />
            </span>
          </Field>
          <Field label={t("type")}>{types(order.type)}</Field>
          <Field label={t("status")}>
            <span data-testid="order-status">
              <OrderStatusBadge status={order.orderStatus} />
            </span>
          </Field>
          <Field label={t("payment")}>
            <StatusWord namespace="OrderPage.payment" value={order.paymentStatus} />
          </Field>
          <Field label={t("shipping")}>
            <span className="grid gap-0.5">
              <span data-testid="shipping-status">
                <StatusWord namespace="Orders.shipping" value={order.shippingStatus} />
              </span>
              {/* Labels are shown in their own language and direction, whatever the page's. */}
              {order.shippingLabelAr && (
                <span dir="rtl" lang="ar" className="text-start" data-testid="shipping-label-ar">
                  {order.shippingLabelAr}
                </span>
              )}
              {order.shippingLabelEn && (
                <span dir="ltr" lang="en" className="text-start" data-testid="shipping-label-en">
                  {order.shippingLabelEn}
                </span>
              )}
            </span>
          </Field>
          <Field label={t("total")}>
            <Ltr className="tabular-nums">{format.sar(total)}</Ltr>
          </Field>
          <RefundAmounts position={refunds} refundAllowed={refundAllowed} />
          <Field label={t("points")}>
            <span className="tabular-nums">{format.number(order.totalPoints)}</span>
          </Field>
          <Field label={t("settlement")}>
            <span data-testid="settlement-status">
              {order.settlementStatus ? (
                <StatusWord namespace="OrderPage.settlement" value={order.settlementStatus} />
              ) : (
                t("notRead")
              )}
            </span>
          </Field>
          <Field label={t("orderDate")}>
            <span data-testid="order-date">{date ? <Ltr>{date}</Ltr> : t("notRead")}</span>
          </Field>
          <Field label={t("createdAt")}>{order.pointsCreatedAt ? format.dateTime(order.pointsCreatedAt) : "—"}</Field>
          <Field label={t("updatedAt")}>{format.dateTime(order.pointsUpdatedAt)}</Field>
          <Field label={t("metadata")} wide>
            {order.metadata === null ? (
              "—"
            ) : (
              <pre className="max-h-64 overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs" dir="ltr">
                {JSON.stringify(order.metadata, null, 2)}
              </pre>
            )}
          </Field>
        </dl>
      </CardContent>
    </Card>
  );
}
