import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AuditRow } from "@/lib/audit/list-audit-entries";
import { formatDateTime } from "@/lib/format";

// Native <details>: expanding a row needs no client JavaScript and works from the keyboard.
function Detail({ detail }: { detail: AuditRow["detail"] }) {
  if (detail === null) return <span className="text-muted-foreground">—</span>;
  return (
    <details className="max-w-md">
      <summary className="cursor-pointer truncate font-mono text-xs">{JSON.stringify(detail)}</summary>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-surface-muted p-2 font-mono text-xs">
        {JSON.stringify(detail, null, 2)}
      </pre>
    </details>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table label="Audit log, newest first">
      <THead>
        <Tr>
          <Th>Time (Riyadh)</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Detail</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((entry) => (
          <Tr key={entry.id} data-testid="audit-row" data-audit-id={entry.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
            </Td>
            <Td userText>
              {entry.actor ? (
                <>
                  {entry.actor.name}
                  <span className="block text-xs text-muted-foreground">{entry.actor.email}</span>
                </>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </Td>
            <Td mono>{entry.action}</Td>
            <Td mono className="max-w-64 truncate" title={entry.target ?? undefined}>
              {entry.target ?? "—"}
            </Td>
            <Td>
              <Detail detail={entry.detail} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
