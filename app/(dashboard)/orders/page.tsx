import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { OrderResults } from "@/components/orders/order-results";
import { OrderSearchForm } from "@/components/orders/order-search-form";
import { StaffRequestDialogs } from "@/components/orders/staff-request-dialogs";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/prisma";
import { isFiltered, parseOrderSearch, searchToParams, type OrderSearch } from "@/lib/orders/order-search-params";
import { searchOrders } from "@/lib/orders/search-orders";
import { createManualEarningAction, createPaymentLinkAction, fetchOrderAction } from "./actions";

export const metadata: Metadata = { title: "Orders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Admins also create orders at Points from here (manual earning, payment link).
const header = (admin: boolean) => (
  <PageHeader
    title="Orders"
    description="Orders known from Points webhooks. Search by uuid, order or reference number, or a customer's phone; filters and pages live in the URL."
    actions={
      admin && (
        <StaffRequestDialogs createEarning={createManualEarningAction} createPaymentLink={createPaymentLinkAction} />
      )
    }
  />
);

// The role check runs before anything streams, so a refusal is a real 403;
// the results stream in behind a loading state.
export default async function OrdersPage({ searchParams }: Props) {
  const user = await requireUser("viewer");
  const admin = hasRole(user.role, "admin");
  const raw = await searchParams;
  // Repeated keys: the first one counts, as with URLSearchParams.get.
  const params = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0]! : v]])),
  );
  const parsed = parseOrderSearch(params);
  if (!parsed.ok) {
    return (
      <>
        {header(admin)}
        <ErrorState title="This search cannot be used" message={parsed.error} />
        <Link href="/orders" className="mt-3 inline-block text-sm font-medium text-accent underline">
          Clear the search and filters
        </Link>
      </>
    );
  }
  const search = parsed.value;
  const { after, before, ...filters } = search;
  const filterParams = searchToParams(filters).toString();
  return (
    <>
      {header(admin)}
      <OrderSearchForm search={filters} filterParams={filterParams} />
      {/* Keyed by the whole query, so every search or page shows the loading state rather than stale rows. */}
      <Suspense key={params.toString()} fallback={<LoadingState rows={8} label="Searching orders…" />}>
        <Results search={search} filterParams={filterParams} canFetch={hasRole(user.role, "support")} />
      </Suspense>
    </>
  );
}

async function Results({
  search,
  filterParams,
  canFetch,
}: {
  search: OrderSearch;
  filterParams: string;
  canFetch: boolean;
}) {
  const page = await searchOrders(getDb(), search);
  return (
    <OrderResults
      page={page}
      filterParams={filterParams}
      filtered={isFiltered(search)}
      term={search.q}
      fetchOrder={canFetch ? fetchOrderAction : undefined}
    />
  );
}
