import type { Metadata } from "next";
import Link from "next/link";
import { FilterProblem } from "@/components/lists/filter-problem";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { VerificationPanel } from "@/components/webhooks/verification-panel";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { filterToParams, parseDeliveryQuery, toSearchParams } from "@/lib/webhooks/delivery-filters";
import { latestDeliveryId, listDeliveries } from "@/lib/webhooks/list-deliveries";
import { verificationStats } from "@/lib/webhooks/verification-stats";
import { BulkReplay } from "./bulk-replay";
import { DeliveryLog } from "./delivery-log";
import { FilterForm } from "./filter-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Webhooks"))("metaTitle") };
}
// Bulk replay's server actions run in this page's function; one chunk can take a while.
export const maxDuration = 60;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhooksPage({ searchParams }: Props) {
  await requireUser("ops");
  const params = toSearchParams(await searchParams);
  const query = parseDeliveryQuery(params);
  const t = await getTranslations("Webhooks");
  const header = (actions?: ReactNode) => (
    <PageHeader title={t("title")} description={t("description")} actions={actions} />
  );
  if (!query.ok) {
    return (
      <>
        {header()}
        <ErrorState title={t("badFilter")} message={<FilterProblem list="webhooks" refused={query} />} />
        <Link href="/webhooks" className="mt-3 inline-block text-sm font-medium text-accent underline">
          {t("clearFilters")}
        </Link>
      </>
    );
  }

  const { older, newer, ...filter } = query.value;
  const db = getDb();
  // Read before the page, so a delivery stored in between reaches the browser through the stream.
  const latestId = (await latestDeliveryId(db)).toString();
  const [page, stats] = await Promise.all([listDeliveries(db, query.value), verificationStats(db)]);
  const filterParams = filterToParams(filter).toString();
  const pageParams = new URLSearchParams(filterParams);
  if (newer) pageParams.set("newer", newer);
  else if (older) pageParams.set("older", older);

  return (
    <>
      {header(<BulkReplay filterParams={filterParams} />)}
      <VerificationPanel stats={stats} />
      <FilterForm key={filterParams} filter={filter} />
      <DeliveryLog
        key={pageParams.toString()}
        filter={filter}
        filterParams={filterParams}
        pageParams={pageParams.toString()}
        initialPage={page}
        latestId={latestId}
      />
    </>
  );
}
