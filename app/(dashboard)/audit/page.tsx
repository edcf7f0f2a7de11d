import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { KeysetPager, NEWEST_FIRST_STEPS } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { auditFilterToParams, parseAuditQuery, type AuditQuery } from "@/lib/audit/audit-filters";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { toSearchParams } from "@/lib/webhooks/delivery-filters";
import { FilterForm } from "./filter-form";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const withQuery = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

// The role check runs before anything streams, so a refusal is a real 403.
export default async function AuditPage({ searchParams }: Props) {
  await requireUser("admin");
  const query = parseAuditQuery(toSearchParams(await searchParams));
  const header = (actions?: ReactNode) => (
    <PageHeader
      title="Audit log"
      description="Every staff action and sign-in, newest first. Times are Riyadh time."
      actions={actions}
    />
  );
  if (!query.ok) {
    return (
      <>
        {header()}
        <ErrorState title="This filter cannot be used" message={query.error} />
        <Link href="/audit" className="mt-3 inline-block text-sm font-medium text-accent underline">
          Clear the filters
        </Link>
      </>
    );
  }

  const { older, newer, ...filter } = query.value;
  const filterParams = auditFilterToParams(filter);
  // A plain link, not next/link: the browser downloads the attachment instead of routing to it.
  const exportLink = (
    <a href={withQuery("/api/audit/export", filterParams)} className={buttonClasses({ variant: "secondary" })}>
      Export CSV
    </a>
  );
  return (
    <>
      {header(exportLink)}
      <FilterForm key={filterParams.toString()} filter={filter} />
      <Suspense key={`${filterParams}|${older ?? ""}|${newer ?? ""}`} fallback={<LoadingState rows={10} />}>
        <AuditEntries query={query.value} filterParams={filterParams} />
      </Suspense>
    </>
  );
}

async function AuditEntries({ query, filterParams }: { query: AuditQuery; filterParams: URLSearchParams }) {
  const page = await listAuditEntries(getDb(), query);
  return (
    <section aria-label="Audit entries">
      {page.rows.length === 0 ? (
        <EmptyState
          title="No entries match"
          description={
            filterParams.size
              ? "Nothing matches these filters."
              : "Sign-ins and staff actions appear here as they happen."
          }
        />
      ) : (
        <AuditTable rows={page.rows} />
      )}
      <KeysetPager page={page} steps={NEWEST_FIRST_STEPS} path="/audit" filterParams={filterParams} className="mt-3" />
    </section>
  );
}
