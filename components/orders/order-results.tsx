import Link from "next/link";
import type { CSSProperties } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { buttonClasses } from "@/components/ui/button";
import { KeysetPager, SORTED_STEPS } from "@/components/ui/keyset-pager";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import { isUuid } from "@/lib/orders/order-search-params";
import { shippingLabelFor } from "@/lib/orders/shipping-labels";
import type { OrderListRow, OrderSearchPage } from "@/lib/orders/search-orders";
import { FetchFromPointsButton, type FetchOrderAction } from "./fetch-from-points-button";
import { StatusWord } from "./status-word";

const orderHref = (row: OrderListRow) => `/orders/${row.pointsUuid}`;

/**
 * One page of results; `filterParams` is the search and filters as a query string, kept by the page links.
 * `term` is what was searched; `fetchOrder` is given to staff who may bring in an order by uuid.
 */
export async function OrderResults({
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
  const t = await getTranslations("Orders");
  const offerFetch = !!term && isUuid(term) && !page.exactMatch && !!fetchOrder;
  const phone = () => <Ltr className="font-mono">{page.phone}</Ltr>;
  const searched = !term
    ? t("searchedFilters")
    : page.phone
      ? t.rich("searchedNumbersPhone", { phone })
      : t("searchedNumbers");
  return (
    <div data-testid="order-results">
      {page.exactMatch && <ExactMatch row={page.exactMatch} />}
      {page.phone && page.rows.length > 0 && (
        <p className="mb-3 text-sm text-muted-foreground" data-testid="phone-match">
          {t.rich("phoneMatch", { phone })}
        </p>
      )}
      {page.rows.length === 0 ? (
        <EmptyState
          title={term ? t("noMatchTerm", { term }) : filtered ? t("noMatch") : t("empty")}
          description={offerFetch ? t("offerFetch") : filtered ? searched : t("emptyDescription")}
          action={
            offerFetch ? (
              <FetchFromPointsButton uuid={term} fetchOrder={fetchOrder} />
            ) : (
              filtered && (
                <Link href="/orders" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  {t("clearFilters")}
                </Link>
              )
            )
          }
        />
      ) : (
        <OrderTable rows={page.rows} />
      )}
      <KeysetPager page={page} steps={SORTED_STEPS} path="/orders" filterParams={filterParams} className="mt-3" />
    </div>
  );
}

/**
 * Every column on a wide screen; on a phone each row is a card with what matters (number, status, type, amount,
 * date), the whole card a link (`.order-table` in app/globals.css). One structure for both: a second list of
 * cards beside the table doubled what a search sent, rendered and collected.
 */
async function OrderTable({ rows }: { rows: OrderListRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("Orders"), getDisplayFormat(), getLocale()]);
  // The card's date line takes its word from the table, once, instead of from every row.
  const style = { "--updated-label": JSON.stringify(t("card.updated")) } as CSSProperties;
  return (
    <Table label={t("title")} cardsOnPhone className="order-table" style={style}>
      <THead>
        <tr>
          <Th>{t("columns.orderNumber")}</Th>
          <Th>{t("columns.reference")}</Th>
          <Th>{t("columns.type")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.shipping")}</Th>
          <Th numeric>{t("columns.total")}</Th>
          <Th numeric>{t("columns.points")}</Th>
          <Th>{t("columns.updated")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((o) => (
          <tr key={o.id} data-testid="order-row">
            <Td mono>
              {/* Not prefetched: a page of 50 rows would send 50 requests that compete with the results. */}
              <Link href={orderHref(o)} prefetch={false}>
                <Ltr>{o.orderNumber}</Ltr>
              </Link>
            </Td>
            <Td mono>
              <Ltr>{o.referenceNumber ?? "—"}</Ltr>
            </Td>
            <Td>{t(`types.${o.type}`)}</Td>
            <Td>
              <OrderStatusBadge status={o.orderStatus} />
            </Td>
            <Td userText>
              <ShippingCell row={o} locale={locale} />
            </Td>
            <Td numeric className="whitespace-nowrap">
              <Ltr>{format.sar(o.totalPrice)}</Ltr>
            </Td>
            <Td numeric>{format.number(o.totalPoints)}</Td>
            <Td className="whitespace-nowrap text-xs">{format.dateTime(o.pointsUpdatedAt)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

async function ExactMatch({ row }: { row: OrderListRow }) {
  const t = await getTranslations("Orders");
  return (
    <div
      data-testid="exact-match"
      className="mb-3 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-accent/40 bg-accent-subtle px-4 py-3"
    >
      <p className="text-sm text-foreground">
        {t("exactMatch")} <Ltr className="font-mono font-medium">{row.orderNumber}</Ltr>
        {row.referenceNumber && (
          <span className="text-muted-foreground">
            {" · "}
            <Ltr>{row.referenceNumber}</Ltr>
          </span>
        )}
      </p>
      <Link href={orderHref(row)} className={buttonClasses({ size: "sm" })}>
        {t("openOrder")}
      </Link>
    </div>
  );
}

/** Points' own label, in the reader's language when Points gave one, isolated from the page's direction. */
function ShippingCell({ row, locale }: { row: OrderListRow; locale: string }) {
  const label = shippingLabelFor(locale, row);
  if (!label) return <StatusWord namespace="Orders.shipping" value={row.shippingStatus} />;
  return <bdi lang={label.lang}>{label.text}</bdi>;
}
