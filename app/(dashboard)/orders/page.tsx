import type { Metadata } from "next";
import { Suspense } from "react";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { formatDateTime, formatSar } from "@/lib/format";
import { listRecentOrders } from "@/lib/orders/list-recent-orders";

export const metadata: Metadata = { title: "Orders" };

// The role check runs before anything streams, so a refusal is a real 403;
// the data streams in behind a loading state.
export default async function OrdersPage() {
  await requireUser("viewer");
  return (
    <>
      <PageHeader title="Orders" description="Orders known from Points webhooks; most recently updated first." />
      <Suspense fallback={<LoadingState rows={8} />}>
        <RecentOrders />
      </Suspense>
    </>
  );
}

async function RecentOrders() {
  const { orders, total } = await listRecentOrders(getDb());
  return (
    <>
      <p className="mb-2 text-xs text-muted-foreground">{total.toLocaleString("en")} orders</p>
      {orders.length === 0 ? (
        <EmptyState title="No orders yet" description="Orders appear here as soon as Points sends their first webhook." />
      ) : (
        <Table label="Orders, most recently updated first">
          <THead>
            <Tr>
              <Th>Order number</Th>
              <Th>Reference</Th>
              <Th>Type</Th>
              <Th>Status</Th>
              <Th>Shipping</Th>
              <Th numeric>Total</Th>
              <Th numeric>Points</Th>
              <Th>Updated</Th>
            </Tr>
          </THead>
          <TBody>
            {orders.map((o) => (
              <Tr key={o.id} data-testid="order-row">
                <Td mono>{o.orderNumber}</Td>
                <Td mono>{o.referenceNumber ?? "—"}</Td>
                <Td>{o.type}</Td>
                <Td>
                  <OrderStatusBadge status={o.orderStatus} />
                </Td>
                <Td userText>{o.shippingLabelAr ?? o.shippingLabelEn ?? o.shippingStatus ?? "—"}</Td>
                <Td numeric>{formatSar(o.totalPrice)}</Td>
                <Td numeric>{o.totalPoints.toLocaleString("en")}</Td>
                <Td>{formatDateTime(o.pointsUpdatedAt)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
