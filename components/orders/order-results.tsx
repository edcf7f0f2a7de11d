import Link from "next/link";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { buttonClasses } from "@/components/ui/button";
import { KeysetPager, SORTED_STEPS } from "@/components/ui/keyset-pager";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime, formatSar } from "@/lib/format";
import { isUuid } from "@/lib/orders/order-search-params";
import type { OrderListRow, OrderSearchPage } from "@/lib/orders/search-orders";
import { FetchFromPointsButton, type FetchOrderAction } from "./fetch-from-points-button";

const orderHref = (row: OrderListRow) => `/orders/${row.pointsUuid}`;

/**
 * One page of results; `filterParams` is the search and filters as a query string, kept by the page links.
 * `term` is what was searched; `fetchOrder` is given to staff who may bring in an order by uuid.
 */
export function OrderResults({
  page,
  filterParams,
  filtered,
  term,
  fetchOrder,
}: {
  page: OrderSearchPage;
  filterParams: string;
  filtered: boolean;
  term?: string;
  fetchOrder?: FetchOrderAction;
}) {
  const offerFetch = !!term && isUuid(term) && !page.exactMatch && !!fetchOrder;
  return (
    <>
      {page.exactMatch && <ExactMatch row={page.exactMatch} />}
      {page.phone && page.rows.length > 0 && (
        <p className="mb-3 text-sm text-muted-foreground" data-testid="phone-match">
          Orders whose data carries the phone number <span className="font-mono">{page.phone}</span>
        </p>
      )}
      {page.rows.length === 0 ? (
        <EmptyState
          title={term ? `No orders match “${term}”` : filtered ? "No orders match" : "No orders yet"}
          description={
            offerFetch
              ? "No order here has this Points uuid: no webhook has brought it. Read it from Points to add it."
              : filtered
                ? `Searched ${searchedFor(term, page.phone)}. Check the spelling, or clear some filters.`
                : "Orders appear here as soon as Points sends their first webhook."
          }
          action={
            offerFetch ? (
              <FetchFromPointsButton uuid={term} fetchOrder={fetchOrder} />
            ) : (
              filtered && (
                <Link href="/orders" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  Clear search and filters
                </Link>
              )
            )
          }
        />
      ) : (
        <Table label="Orders">
          <THead>
            <Tr>
              <Th>Order number</Th>
              <Th>Reference</Th>
              <Th>Type</Th>
              <Th>Status</Th>
              <Th>Shipping</Th>
              <Th numeric>Total</Th>
              <Th numeric>Points</Th>
              <Th>Updated at Points</Th>
            </Tr>
          </THead>
          <TBody>
            {page.rows.map((o) => (
              <Tr key={o.id} data-testid="order-row">
                <Td mono>
                  <Link href={orderHref(o)} className="font-medium text-accent underline-offset-2 hover:underline">
                    {o.orderNumber}
                  </Link>
                </Td>
                <Td mono>{o.referenceNumber ?? "—"}</Td>
                <Td>{o.type}</Td>
                <Td>
                  <OrderStatusBadge status={o.orderStatus} />
                </Td>
                <Td userText>
                  {o.shippingLabelAr ?? o.shippingLabelEn ?? o.shippingStatus?.replace(/_/g, " ") ?? "—"}
                </Td>
                <Td numeric>{formatSar(o.totalPrice)}</Td>
                <Td numeric>{o.totalPoints.toLocaleString("en")}</Td>
                <Td>{formatDateTime(o.pointsUpdatedAt)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <KeysetPager page={page} steps={SORTED_STEPS} path="/orders" filterParams={filterParams} className="mt-3" />
    </>
  );
}

function ExactMatch({ row }: { row: OrderListRow }) {
  return (
    <div
      data-testid="exact-match"
      className="mb-3 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-accent/40 bg-accent-subtle px-4 py-3"
    >
      <p className="text-sm text-foreground">
        Exact match: <span className="font-mono font-medium">{row.orderNumber}</span>
        {row.referenceNumber && <span className="text-muted-foreground"> · {row.referenceNumber}</span>}
      </p>
      <Link href={orderHref(row)} className={buttonClasses({ size: "sm" })}>
        Open order
      </Link>
    </div>
  );
}

function searchedFor(term: string | undefined, phone: string | null): string {
  if (!term) return "with these filters";
  const numbers = "order and reference numbers (any case, without spaces or #) and Points uuids";
  return phone ? `${numbers}, and customer phone number ${phone} in the orders' data` : numbers;
}
