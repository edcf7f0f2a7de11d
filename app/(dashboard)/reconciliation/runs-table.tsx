import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import { RunError } from "@/components/reconciliation/run-error";
import type { RunRow } from "@/lib/reconcile/list-reconciliation";
import { RunStatusBadge, RunTrigger } from "./run-status-badge";

export async function RunsTable({ runs }: { runs: RunRow[] }) {
  const [t, format] = await Promise.all([getTranslations("Reconciliation.runs"), getDisplayFormat()]);
  if (runs.length === 0)
    return (
      <EmptyState
        title={t("emptyTitle")}
        description={t.rich("emptyBody", { code: (chunks) => <code>{chunks}</code> })}
      />
    );
  return (
    <Table label={t("label")} stickyHeader={false}>
      <THead>
        <tr>
          <Th>{t("started")}</Th>
          <Th>{t("finished")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("trigger")}</Th>
          <Th numeric>{t("planned")}</Th>
          <Th numeric>{t("checked")}</Th>
          <Th numeric>{t("differing")}</Th>
          <Th numeric>{t("errors")}</Th>
          <Th>{t("lastError")}</Th>
        </tr>
      </THead>
      <TBody>
        {runs.map((r) => (
          <tr key={r.id} data-testid="run-row">
            <Td className="whitespace-nowrap">{format.dateTime(r.startedAt)}</Td>
            <Td className="whitespace-nowrap">{r.finishedAt ? format.dateTime(r.finishedAt) : "—"}</Td>
            <Td>
              <RunStatusBadge status={r.status} />
            </Td>
            <Td>
              <Badge>
                <RunTrigger trigger={r.trigger} />
              </Badge>
            </Td>
            <Td numeric>{format.number(r.planned)}</Td>
            <Td numeric>{format.number(r.checked)}</Td>
            <Td numeric>{format.number(r.differing)}</Td>
            <Td numeric>{format.number(r.errors)}</Td>
            <Td className="min-w-64 max-w-96 text-xs text-danger-fg">
              {r.lastError && <RunError message={r.lastError} notice={r.lastErrorNotice} />}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
