import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { IntentList } from "@/components/orders/intent-list";
import { OrderActionsPanel } from "@/components/orders/order-actions-panel";
import { OrderSummary } from "@/components/orders/order-summary";
import { ReconciliationNotice } from "@/components/orders/reconciliation-notice";
import { RefreshWhileAwaiting } from "@/components/orders/refresh-while-awaiting";
import { TimelineList } from "@/components/orders/timeline-list";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { listOrderIntents } from "@/lib/orders/list-order-intents";
import { orderTimeline } from "@/lib/orders/order-timeline";
import { loadRefundPosition } from "@/lib/refunds/refund-ledger";
import { decideRefundAction, submitOrderAction } from "./actions";

type Props = { params: Promise<{ uuid: string }> };

export const metadata: Metadata = { title: "Order" };

const uuidParam = z.uuid();

export default async function OrderPage({ params }: Props) {
  // Before anything is read or streamed, so a refusal is a real 403.
  const user = await requireUser("viewer");
  const parsed = uuidParam.safeParse((await params).uuid);
  if (!parsed.success) notFound();
  const uuid = parsed.data;

  const db = getDb();
  const config = getConfig();
  const [order, timeline, intents] = await Promise.all([
    db.order.findUnique({ where: { pointsUuid: uuid } }),
    orderTimeline(db, uuid),
    listOrderIntents(db, uuid, config.confirmationOverdueMs),
  ]);
  if (!order) notFound();
  const refunds = await loadRefundPosition(db, order);

  return (
    <>
      <PageHeader
        title={`Order ${order.orderNumber}`}
        description={order.referenceNumber ? `Points reference ${order.referenceNumber}` : undefined}
        actions={
          <Link href="/orders" className={buttonClasses({ variant: "ghost" })}>
            ← Orders
          </Link>
        }
      />
      <RefreshWhileAwaiting awaiting={intents.some((i) => i.confirmation === "awaiting" || i.status === "sending")} />
      <div className="grid gap-5">
        <OrderSummary order={order} refunds={refunds} />
        <ReconciliationNotice entries={timeline} orderUuid={uuid} linkToReconciliation={hasRole(user.role, "ops")} />
        <OrderActionsPanel
          orderUuid={uuid}
          order={{
            type: order.type,
            orderStatus: order.orderStatus,
            totalPrice: Number(order.totalPrice),
            refundedAmount: refunds.refunded,
          }}
          role={user.role}
          approvalThresholdSar={config.refundApprovalThresholdSar}
          submit={submitOrderAction}
        />
        <Card>
          <CardHeader>
            <CardTitle>Staff actions</CardTitle>
          </CardHeader>
          <CardContent>
            <IntentList intents={intents} viewer={user} decide={decideRefundAction} />
          </CardContent>
        </Card>
        <section className="grid gap-2" aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="text-sm font-semibold text-foreground">
            Timeline
          </h2>
          <TimelineList entries={timeline} orderUuid={uuid} linkToOpsPages={hasRole(user.role, "ops")} />
        </section>
      </div>
    </>
  );
}
