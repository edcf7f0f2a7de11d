import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FilterProblem } from "@/components/lists/filter-problem";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Orders"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Admins also create orders at Points from here (manual earning, payment link).
async function Header({ admin }: { admin: boolean }) {
  const t = await getTranslations("Orders");
  return (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        admin && (
          <StaffRequestDialogs createEarning={createManualEarningAction} createPaymentLink={createPaymentLinkAction} />
        )
      }
    />
  );
}

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
  const t = await getTranslations("Orders");
  if (!parsed.ok) {
    return (
      <>
        <Header admin={admin} />
        <ErrorState
          title={t("invalidSearch")}
          message={t.rich("invalidSearchMessage", { detail: () => <FilterProblem list="orders" refused={parsed} /> })}
        />
        <Link href="/orders" className="mt-3 inline-block text-sm font-medium text-accent underline">
          {t("clearAll")}
        </Link>
      </>
    );
  }
  const search = parsed.value;
  const { after, before, ...filters } = search;
  const filterParams = searchToParams(filters).toString();
  return (
    <>
      <Header admin={admin} />
      <OrderSearchForm search={filters} filterParams={filterParams} />
      {/* Not keyed by the query: a search or page is a transition that keeps the rows shown until the new ones are
          ready (the filter bar says it is searching). A boundary keyed anew showed its fallback, and React reveals
          content at least 300 ms after a fallback: most of Enter → results, for a search answered in milliseconds. */}
      <Suspense fallback={<LoadingState rows={8} label={t("searching")} />}>
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
