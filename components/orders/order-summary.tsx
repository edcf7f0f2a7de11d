// Everything the dashboard knows about the order itself, from the latest
// snapshot Points sent (webhook or API read).
import { Card, CardContent } from "@/components/ui/card";
import { formatDateTime, formatSar } from "@/lib/format";
import type { Order } from "@/lib/generated/prisma/client";
import { stateAllows } from "@/lib/orders/allowed-actions";
import type { RefundPosition } from "@/lib/refunds/refund-position";
import { CopyButton } from "./copy-button";
import { OrderStatusBadge } from "./order-status-badge";
import { RefundAmounts } from "./refund-amounts";
import { SummaryField as Field } from "./summary-field";

// Points' own `date` (midnight of the day) and `time` display helpers (§3.1); their timezone is UNKNOWN (§8.22).
function orderDate(order: Order): string {
  if (!order.pointsDate && !order.pointsTime) return "not read yet";
  return [order.pointsDate?.slice(0, 10), order.pointsTime].filter(Boolean).join(" ");
}

const TYPE_LABEL = { earning: "Earning", replacing: "Replacing (checkout)" } as const;

export function OrderSummary({ order, refunds }: { order: Order; refunds: RefundPosition }) {
  const total = Number(order.totalPrice);
  const state = {
    type: order.type,
    orderStatus: order.orderStatus,
    refundable: refunds.refundable,
  };
  // Nothing is refundable before settlement or after a cancellation, whatever the arithmetic says.
  const refundAllowed = stateAllows("refund", state);
  return (
    <Card data-testid="order-summary">
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Field label="Order number">
            <span className="font-mono text-xs">{order.orderNumber}</span>
          </Field>
          <Field label="Reference number">
            <span className="font-mono text-xs">{order.referenceNumber ?? "—"}</span>
          </Field>
          <Field label="Points uuid" wide>
            <span className="flex items-center gap-1">
              <span className="break-all font-mono text-xs" data-testid="points-uuid">
                {order.pointsUuid}
              </span>
              <CopyButton value={order.pointsUuid} label="Points uuid" />
            </span>
          </Field>
          <Field label="Type">{TYPE_LABEL[order.type]}</Field>
          <Field label="Status">
            <span data-testid="order-status">
              <OrderStatusBadge status={order.orderStatus} />
            </span>
          </Field>
          <Field label="Payment">{order.paymentStatus?.replace(/_/g, " ") ?? "—"}</Field>
          <Field label="Shipping">
            <span className="grid gap-0.5">
              <span data-testid="shipping-status">{order.shippingStatus?.replace(/_/g, " ") ?? "—"}</span>
              {order.shippingLabelAr && (
                <span dir="rtl" lang="ar" className="text-right" data-testid="shipping-label-ar">
                  {order.shippingLabelAr}
                </span>
              )}
              {order.shippingLabelEn && <span data-testid="shipping-label-en">{order.shippingLabelEn}</span>}
            </span>
          </Field>
          <Field label="Total">
            <span className="tabular-nums">{formatSar(total)}</span>
          </Field>
          <RefundAmounts position={refunds} refundAllowed={refundAllowed} />
          <Field label="Points">
            <span className="tabular-nums">{order.totalPoints.toLocaleString("en")}</span>
          </Field>
          <Field label="Settlement">
            <span data-testid="settlement-status">{order.settlementStatus?.replace(/_/g, " ") ?? "not read yet"}</span>
          </Field>
          <Field label="Order date (Points)">
            <span data-testid="order-date">{orderDate(order)}</span>
          </Field>
          <Field label="Created at Points">{order.pointsCreatedAt ? formatDateTime(order.pointsCreatedAt) : "—"}</Field>
          <Field label="Updated at Points">{formatDateTime(order.pointsUpdatedAt)}</Field>
          <Field label="Metadata" wide>
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
