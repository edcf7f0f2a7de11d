import type { Metadata } from "next";
import Link from "next/link";
import { FilterProblem } from "@/components/lists/filter-problem";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Audit"))("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const withQuery = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

// The role check runs before anything streams, so a refusal is a real 403.
export default async function AuditPage({ searchParams }: Props) {
  await requireUser("admin");
  const t = await getTranslations("Audit");
  const query = parseAuditQuery(toSearchParams(await searchParams));
  const header = (actions?: ReactNode) => (
    <PageHeader title={t("title")} description={t("description")} actions={actions} />
  );
  if (!query.ok) {
    return (
      <>
        {header()}
        <ErrorState title={t("badFilter")} message={<FilterProblem list="audit" refused={query} />} />
        <Link href="/audit" className="mt-3 inline-block text-sm font-medium text-accent underline">
          {t("clearFilters")}
        </Link>
      </>
    );
  }

  const { older, newer, ...filter } = query.value;
  const filterParams = auditFilterToParams(filter);
  // A plain link, not next/link: the browser downloads the attachment instead of routing to it.
  const exportLink = (
    <a href={withQuery("/api/audit/export", filterParams)} className={buttonClasses({ variant: "secondary" })}>
      {t("exportCsv")}
    </a>
  );
  return (
    <>
      {header(exportLink)}
      <FilterForm key={filterParams.toString()} filter={filter} />
      <Suspense
        key={`${filterParams}|${older ?? ""}|${newer ?? ""}`}
        fallback={<LoadingState rows={10} label={t("loading")} />}
      >
        <AuditEntries query={query.value} filterParams={filterParams} />
      </Suspense>
    </>
  );
}

async function AuditEntries({ query, filterParams }: { query: AuditQuery; filterParams: URLSearchParams }) {
  const [page, t] = await Promise.all([listAuditEntries(getDb(), query), getTranslations("Audit")]);
  return (
    <section aria-label={t("entries")}>
      {page.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={filterParams.size ? t("emptyFiltered") : t("emptyAll")} />
      ) : (
        <AuditTable rows={page.rows} />
      )}
      <KeysetPager page={page} steps={NEWEST_FIRST_STEPS} path="/audit" filterParams={filterParams} className="mt-3" />
    </section>
  );
}
