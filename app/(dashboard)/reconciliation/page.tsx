import type { Metadata } from "next";
import Link from "next/link";
import { FilterProblem } from "@/components/lists/filter-problem";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Ltr } from "@/components/i18n/ltr";
import { isKnownRule } from "@/components/reconciliation/lifecycle-rule";
import { KeysetPager, NEWEST_FIRST_STEPS } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/require-user";
import { getDisplayFormat } from "@/i18n/display-format";
import { getDb } from "@/lib/db/prisma";
import { FLAGS_SHOWN, listOpenFlags } from "@/lib/lifecycle/list-flags";
import { differenceFilterToParams, parseDifferenceQuery } from "@/lib/reconcile/difference-filters";
import { listDifferences } from "@/lib/reconcile/list-differences";
import {
  currentRunProgress,
  groupOpenDifferences,
  listRuns,
  type DifferenceGroup,
} from "@/lib/reconcile/list-reconciliation";
import { toSearchParams } from "@/lib/webhooks/delivery-filters";
import { BulkActions } from "./bulk-actions";
import { DifferenceKind } from "./difference-kind";
import { DifferencesTable } from "./differences-table";
import { FilterForm } from "./filter-form";
import { FlagsTable } from "./flags-table";
import { RunPanel } from "./run-panel";
import { RunsTable } from "./runs-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Reconciliation"))("metaTitle") };
}
// Run now, heal, re-check and each bulk chunk run in this page's function; a
// run's slice continues after the answer (lib/reconcile/run-in-slices.ts).
export const maxDuration = 60;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const withQuery = (params: URLSearchParams) => (params.size ? `/reconciliation?${params}` : "/reconciliation");

function Section({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="mb-8 grid scroll-mt-20 gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={`${id}-title`} className="text-sm font-semibold text-foreground">
            {title}
          </h2>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

async function GroupsTable({ groups }: { groups: DifferenceGroup[] }) {
  const [t, format] = await Promise.all([getTranslations("Reconciliation.groups"), getDisplayFormat()]);
  if (groups.length === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />;
  return (
    <Table label={t("label")} stickyHeader={false}>
      <THead>
        <tr>
          <Th>{t("field")}</Th>
          <Th>{t("kind")}</Th>
          <Th numeric>{t("open")}</Th>
        </tr>
      </THead>
      <TBody>
        {groups.map((g) => (
          <tr key={`${g.field}|${g.kind}`} data-testid="difference-group">
            <Td mono>
              <Link
                href={withQuery(new URLSearchParams({ field: g.field, kind: g.kind }))}
                className="text-accent underline-offset-2 hover:underline"
              >
                <Ltr>{g.field}</Ltr>
              </Link>
            </Td>
            <Td>
              <DifferenceKind kind={g.kind} />
            </Td>
            <Td numeric>{format.number(g.count)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export default async function ReconciliationPage({ searchParams }: Props) {
  // Before anything is read, so a refusal is a real 403.
  await requireUser("ops");
  const query = parseDifferenceQuery(toSearchParams(await searchParams));
  const [t, format] = await Promise.all([getTranslations("Reconciliation"), getDisplayFormat()]);
  const header = (
    <PageHeader
      title={t("title")}
      description={t.rich("description", {
        call: "GET /orders/{uuid}",
        code: (chunks) => <code className="text-xs">{chunks}</code>,
      })}
    />
  );
  if (!query.ok) {
    return (
      <>
        {header}
        <ErrorState title={t("badFilter")} message={<FilterProblem list="reconciliation" refused={query} />} />
        <Link href="/reconciliation" className="mt-3 inline-block text-sm font-medium text-accent underline">
          {t("clearFilters")}
        </Link>
      </>
    );
  }

  const { older, newer, ...filter } = query.value;
  const db = getDb();
  const [runs, current, groups, page, flags] = await Promise.all([
    listRuns(db),
    currentRunProgress(db),
    groupOpenDifferences(db),
    listDifferences(db, query.value),
    listOpenFlags(db),
  ]);
  const filterParams = differenceFilterToParams(filter);
  const ruleName = (rule: string) => (isKnownRule(rule) ? t(`rules.${rule}`) : rule);

  return (
    <>
      {header}
      <RunPanel current={current} />
      <Section id="runs" title={t("sections.runs")}>
        <RunsTable runs={runs} />
      </Section>
      <Section id="groups" title={t("sections.groups")} description={t("sections.groupsHint")}>
        <GroupsTable groups={groups} />
      </Section>
      <Section
        id="differences"
        title={t("sections.differences")}
        description={t(`listing.${filter.status}`)}
        actions={
          filter.status === "open" || filter.status === "all" ? (
            <BulkActions key={filterParams.toString()} filterParams={filterParams.toString()} />
          ) : undefined
        }
      >
        <FilterForm key={filterParams.toString()} filter={filter} />
        {page.rows.length === 0 ? (
          <EmptyState
            title={t("differences.emptyTitle")}
            description={filterParams.size ? t("differences.emptyFiltered") : t("differences.emptyAll")}
          />
        ) : (
          <DifferencesTable rows={page.rows} />
        )}
        <KeysetPager page={page} steps={NEWEST_FIRST_STEPS} path="/reconciliation" filterParams={filterParams} />
      </Section>
      <Section
        id="flags"
        title={t("sections.flags")}
        description={
          flags.total === 0 ? (
            t("flags.intro")
          ) : (
            <>
              {t("flags.summary", {
                count: flags.total,
                n: format.number(flags.total),
                rules: flags.byRule
                  .map((g) => t("flags.ruleCount", { rule: ruleName(g.rule), n: format.number(g.count) }))
                  .join(t("listSeparator")),
              })}
              {flags.total > FLAGS_SHOWN && ` ${t("flags.showing", { n: format.number(FLAGS_SHOWN) })}`}
            </>
          )
        }
      >
        {flags.rows.length === 0 ? (
          <EmptyState title={t("flags.emptyTitle")} description={t("flags.emptyBody")} />
        ) : (
          <FlagsTable rows={flags.rows} />
        )}
      </Section>
    </>
  );
}
