import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { RunRow } from "@/lib/reconcile/list-reconciliation";
import { RunStatusBadge } from "./run-status-badge";

export function RunsTable({ runs }: { runs: RunRow[] }) {
  if (runs.length === 0)
    return (
      <EmptyState title="No run yet" description="The nightly cron, npm run reconcile and Run now all appear here." />
    );
  return (
    <Table label="Reconciliation runs, newest first" stickyHeader={false}>
      <THead>
        <Tr>
          <Th>Started</Th>
          <Th>Finished</Th>
          <Th>Status</Th>
          <Th>Trigger</Th>
          <Th numeric>Planned</Th>
          <Th numeric>Checked</Th>
          <Th numeric>Differing</Th>
          <Th numeric>Errors</Th>
          <Th>Last error</Th>
        </Tr>
      </THead>
      <TBody>
        {runs.map((r) => (
          <Tr key={r.id} data-testid="run-row">
            <Td className="whitespace-nowrap">{formatDateTime(r.startedAt)}</Td>
            <Td className="whitespace-nowrap">{r.finishedAt ? formatDateTime(r.finishedAt) : "—"}</Td>
            <Td>
              <RunStatusBadge status={r.status} />
            </Td>
            <Td>
              <Badge>{r.trigger}</Badge>
            </Td>
            <Td numeric>{r.planned.toLocaleString("en")}</Td>
            <Td numeric>{r.checked.toLocaleString("en")}</Td>
            <Td numeric>{r.differing.toLocaleString("en")}</Td>
            <Td numeric>{r.errors.toLocaleString("en")}</Td>
            <Td className="max-w-96 truncate text-xs text-danger-fg" title={r.lastError ?? undefined}>
              {r.lastError ?? ""}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
