import { Badge } from "@/components/ui/badge";
import { CardContent } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { DeliveryDetail } from "@/lib/webhooks/get-delivery";

export function HeadersTable({ headers }: { headers: DeliveryDetail["headers"] }) {
  if (headers.length === 0)
    return <CardContent className="text-sm text-muted-foreground">No headers were stored.</CardContent>;
  return (
    <Table label="Request headers (secrets redacted)" stickyHeader={false}>
      <THead>
        <Tr>
          <Th>Name</Th>
          <Th>Value</Th>
        </Tr>
      </THead>
      <TBody>
        {headers.map(([name, value]) => (
          <Tr key={name}>
            <Td mono>{name}</Td>
            <Td className="break-all font-mono text-xs">{value}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function AttemptsTable({ attempts }: { attempts: DeliveryDetail["attemptLog"] }) {
  if (attempts.length === 0)
    return <CardContent className="text-sm text-muted-foreground">Not processed yet.</CardContent>;
  return (
    <Table label="Processing attempts, newest first" stickyHeader={false}>
      <THead>
        <Tr>
          <Th>Started</Th>
          <Th>Trigger</Th>
          <Th>Result</Th>
          <Th numeric>Duration</Th>
          <Th>Error</Th>
        </Tr>
      </THead>
      <TBody>
        {attempts.map((a) => (
          <Tr key={a.id.toString()} data-testid="delivery-attempt">
            <Td className="whitespace-nowrap">{formatDateTime(a.startedAt)}</Td>
            <Td>{a.trigger}</Td>
            <Td>{a.ok ? <Badge tone="success">ok</Badge> : <Badge tone="danger">failed</Badge>}</Td>
            <Td numeric>{a.durationMs.toFixed(1)} ms</Td>
            <Td className="break-all font-mono text-xs">{a.error ?? "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
