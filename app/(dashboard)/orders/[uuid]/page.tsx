import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FetchFromPointsButton } from "@/components/orders/fetch-from-points-button";
import { IntentList } from "@/components/orders/intent-list";
import { OrderActionsPanel } from "@/components/orders/order-actions-panel";
import { OrderItems } from "@/components/orders/order-items";
import { OrderSummary } from "@/components/orders/order-summary";
import { ReconciliationNotice } from "@/components/orders/reconciliation-notice";
import { RefreshWhileAwaiting } from "@/components/orders/refresh-while-awaiting";
import { TimelineList } from "@/components/orders/timeline-list";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { orderTimeline } from "@/lib/timeline/order-timeline";
import { orderStaffActions } from "@/lib/timeline/staff-actions";
import { loadRefundPosition } from "@/lib/refunds/refund-ledger";
import { fetchOrderAction } from "../actions";
import { decideRefundAction, submitOrderAction } from "./actions";

type Props = { params: Promise<{ uuid: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("OrderPage"))("metaTitle") };
}

// "← Orders", the arrow pointing back in the reader's direction.
function BackToOrders({ label }: { label: string }) {
  return (
    <Link href="/orders" className={buttonClasses({ variant: "ghost" })}>
      <span aria-hidden="true" className="rtl:-scale-x-100">
        ←
      </span>
      {label}
    </Link>
  );
}

const uuidParam = z.uuid();

export default async function OrderPage({ params }: Props) {
  // Before anything is read or streamed, so a refusal is a real 403.
  const user = await requireUser("viewer");
  const parsed = uuidParam.safeParse((await params).uuid);
  if (!parsed.success) notFound();
  const uuid = parsed.data;

  const db = getDb();
  const config = getConfig();
  // Read once, before what hangs off it: the staff entries are found by its number too (lib/timeline/staff-actions.ts).
  const order = await db.order.findUnique({ where: { pointsUuid: uuid } });
  if (!order) return <NotFetchedYet uuid={uuid} canFetch={hasRole(user.role, "support")} />;
  const [timeline, staffActions, tStaff, tTimeline, refunds, t] = await Promise.all([
    orderTimeline(db, order),
    orderStaffActions(db, order, config.confirmationOverdueMs),
    getTranslations("StaffActions"),
    getTranslations("Timeline"),
    loadRefundPosition(db, order),
    getTranslations("OrderPage"),
  ]);
  const intents = staffActions.flatMap((row) => (row.kind === "request" ? [row.intent] : []));
  const reference = order.referenceNumber;

  return (
    <>
      <PageHeader
        title={t.rich("title", { number: () => <Ltr className="break-all">{order.orderNumber}</Ltr> })}
        description={reference ? t.rich("reference", { number: () => <Ltr>{reference}</Ltr> }) : undefined}
        actions={<BackToOrders label={t("back")} />}
      />
      <RefreshWhileAwaiting awaiting={intents.some((i) => i.confirmation === "awaiting" || i.status === "sending")} />
      <div className="grid gap-5">
        <OrderSummary order={order} refunds={refunds} />
        <OrderItems items={order.items} />
        <ReconciliationNotice entries={timeline} orderUuid={uuid} linkToReconciliation={hasRole(user.role, "ops")} />
        <OrderActionsPanel
          orderUuid={uuid}
          order={{
            type: order.type,
            orderStatus: order.orderStatus,
            refundable: refunds.refundable,
          }}
          role={user.role}
          approvalThresholdSar={config.refundApprovalThresholdSar}
          submit={submitOrderAction}
        />
        <Card>
          <CardHeader>
            <CardTitle>{tStaff("title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <IntentList rows={staffActions} viewer={user} decide={decideRefundAction} />
          </CardContent>
        </Card>
        <section className="grid gap-2" aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="text-sm font-semibold text-foreground">
            {tTimeline("title")}
          </h2>
          <TimelineList entries={timeline} orderUuid={uuid} linkToOpsPages={hasRole(user.role, "ops")} />
        </section>
      </div>
    </>
  );
}

// No webhook brought this order (it predates our endpoint, or Points gave up retrying): support can read it from Points.
async function NotFetchedYet({ uuid, canFetch }: { uuid: string; canFetch: boolean }) {
  const t = await getTranslations("OrderPage");
  return (
    <>
      <PageHeader title={t("notFetched.title")} actions={<BackToOrders label={t("back")} />} />
      <EmptyState
        title={t("notFetched.empty")}
        description={
          <>
            {t.rich("notFetched.description", {
              uuid: () => <Ltr className="break-all font-mono text-xs">{uuid}</Ltr>,
            })}{" "}
            {canFetch ? t("notFetched.canFetch") : t("notFetched.askSupport")}
          </>
        }
        action={canFetch && <FetchFromPointsButton uuid={uuid} fetchOrder={fetchOrderAction} />}
      />
    </>
  );
}
