import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { AuditRow } from "@/lib/audit/list-audit-entries";

// Native <details>: expanding a row needs no client JavaScript and works from the keyboard.
function Detail({ detail }: { detail: AuditRow["detail"] }) {
  if (detail === null) return <span className="text-muted-foreground">—</span>;
  return (
    <details className="max-w-md" dir="ltr" data-identifier="">
      <summary className="cursor-pointer truncate font-mono text-xs">{JSON.stringify(detail)}</summary>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-surface-muted p-2 font-mono text-xs">
        {JSON.stringify(detail, null, 2)}
      </pre>
    </details>
  );
}

export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const [t, format] = await Promise.all([getTranslations("Audit"), getDisplayFormat()]);
  return (
    <Table label={t("tableLabel")}>
      <THead>
        <tr>
          <Th>{t("columns.time")}</Th>
          <Th>{t("columns.actor")}</Th>
          <Th>{t("columns.action")}</Th>
          <Th>{t("columns.target")}</Th>
          <Th>{t("columns.detail")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((entry) => (
          <tr key={entry.id} data-testid="audit-row" data-audit-id={entry.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={entry.createdAt}>{format.dateTime(entry.createdAt)}</time>
            </Td>
            <Td userText>
              {entry.actor ? (
                <>
                  <bdi>{entry.actor.name}</bdi>
                  <Ltr className="block text-xs text-muted-foreground">{entry.actor.email}</Ltr>
                </>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </Td>
            <Td>
              {/* The label for people; the action's name, as the filter and the CSV spell it, beneath. */}
              <span className="block" data-testid="audit-action">
                {t.has(`actions.${entry.action as AuditAction}`)
                  ? t(`actions.${entry.action as AuditAction}`)
                  : entry.action}
              </span>
              <Ltr className="block font-mono text-xs text-muted-foreground" data-testid="audit-action-name">
                {entry.action}
              </Ltr>
            </Td>
            <Td mono className="max-w-64 truncate">
              {entry.target ? <Ltr title={entry.target}>{entry.target}</Ltr> : "—"}
            </Td>
            <Td>
              <Detail detail={entry.detail} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
