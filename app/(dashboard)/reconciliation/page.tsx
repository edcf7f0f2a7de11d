import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { KeysetPager, NEWEST_FIRST_STEPS } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { ruleLabel } from "@/lib/lifecycle/check-lifecycle";
import { FLAGS_SHOWN, listOpenFlags } from "@/lib/lifecycle/list-flags";
import {
  differenceFilterToParams,
  parseDifferenceQuery,
  type DifferenceFilter,
} from "@/lib/reconcile/difference-filters";
import { listDifferences } from "@/lib/reconcile/list-differences";
import {
  currentRunProgress,
  groupOpenDifferences,
  listRuns,
  type DifferenceGroup,
} from "@/lib/reconcile/list-reconciliation";
import { toSearchParams } from "@/lib/webhooks/delivery-filters";
import { BulkActions } from "./bulk-actions";
import { DifferencesTable } from "./differences-table";
import { FilterForm } from "./filter-form";
import { FlagsTable } from "./flags-table";
import { RunPanel } from "./run-panel";
import { RunsTable } from "./runs-table";

export const metadata: Metadata = { title: "Reconciliation" };
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
    <section aria-labelledby={id} className="mb-8 grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={id} className="text-sm font-semibold text-foreground">
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

function GroupsTable({ groups }: { groups: DifferenceGroup[] }) {
  if (groups.length === 0)
    return <EmptyState title="No open differences" description="Our orders agree with Points wherever a run looked." />;
  return (
    <Table label="Open differences by field and kind" stickyHeader={false}>
      <THead>
        <Tr>
          <Th>Field</Th>
          <Th>Kind</Th>
          <Th numeric>Open</Th>
        </Tr>
      </THead>
      <TBody>
        {groups.map((g) => (
          <Tr key={`${g.field}|${g.kind}`} data-testid="difference-group">
            <Td mono>
              <Link
                href={withQuery(new URLSearchParams({ field: g.field, kind: g.kind }))}
                className="text-accent underline-offset-2 hover:underline"
              >
                {g.field}
              </Link>
            </Td>
            <Td>{g.kind.replace(/_/g, " ")}</Td>
            <Td numeric>{g.count.toLocaleString("en")}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export default async function ReconciliationPage({ searchParams }: Props) {
  // Before anything is read, so a refusal is a real 403.
  await requireUser("ops");
  const query = parseDifferenceQuery(toSearchParams(await searchParams));
  const header = (
    <PageHeader
      title="Reconciliation"
      description="Our orders compared with Points (GET /orders/{uuid}) and their webhook histories checked against the order state machine."
    />
  );
  if (!query.ok) {
    return (
      <>
        {header}
        <ErrorState title="This filter cannot be used" message={query.error} />
        <Link href="/reconciliation" className="mt-3 inline-block text-sm font-medium text-accent underline">
          Clear the filters
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

  return (
    <>
      {header}
      <RunPanel current={current} />
      <Section id="runs-title" title="Recent runs">
        <RunsTable runs={runs} />
      </Section>
      <Section
        id="groups-title"
        title="Open differences by field and kind"
        description="Select a field to list its differences."
      >
        <GroupsTable groups={groups} />
      </Section>
      <Section
        id="differences-title"
        title="Differences"
        description={describe(filter)}
        actions={
          filter.status === "open" || filter.status === "all" ? (
            <BulkActions key={filterParams.toString()} filterParams={filterParams.toString()} />
          ) : undefined
        }
      >
        <FilterForm key={filterParams.toString()} filter={filter} />
        {page.rows.length === 0 ? (
          <EmptyState
            title="No differences match"
            description={
              filterParams.size
                ? "Nothing matches these filters."
                : "Open differences appear here after a run finds them."
            }
          />
        ) : (
          <DifferencesTable rows={page.rows} />
        )}
        <KeysetPager page={page} steps={NEWEST_FIRST_STEPS} path="/reconciliation" filterParams={filterParams} />
      </Section>
      <Section
        id="flags-title"
        title="Lifecycle flags"
        description={
          flags.total === 0
            ? "Each run checks the webhook history of the orders it looks at against the order state machine (points-api.md §3.3)."
            : `${flags.total.toLocaleString("en")} open: ${flags.byRule.map((g) => `${ruleLabel(g.rule)} ${g.count.toLocaleString("en")}`).join(", ")}${flags.total > FLAGS_SHOWN ? `. Showing the newest ${FLAGS_SHOWN}.` : "."}`
        }
      >
        {flags.rows.length === 0 ? (
          <EmptyState
            title="No open lifecycle flags"
            description="Every checked order's history follows the state machine."
          />
        ) : (
          <FlagsTable rows={flags.rows} />
        )}
      </Section>
    </>
  );
}

function describe(filter: DifferenceFilter): string {
  if (filter.status === "healed" || filter.status === "explained")
    return `${filter.status === "healed" ? "Healed" : "Explained"} differences, newest first.`;
  return `${filter.status === "all" ? "All" : "Open"} differences, newest first. The bulk actions work on every open difference matching the filter, on all pages.`;
}
