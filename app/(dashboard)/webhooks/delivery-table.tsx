import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import { formatDateTime } from "@/lib/format";
import type { DeliveryRow } from "@/lib/webhooks/list-deliveries";
import { ReplayButton } from "./replay-button";

export function DeliveryTable({ rows }: { rows: DeliveryRow[] }) {
  return (
    <Table label="Webhook deliveries, newest first">
      <THead>
        <Tr>
          <Th>Received</Th>
          <Th>Event</Th>
          <Th>Order number</Th>
          <Th>Points uuid</Th>
          <Th>Status</Th>
          <Th numeric>Attempts</Th>
          <Th numeric>Latency</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((d) => (
          <Tr key={d.id} data-testid="delivery-row" data-delivery-id={d.id}>
            <Td className="whitespace-nowrap">
              <Link href={`/webhooks/${d.id}`} className="text-accent underline-offset-2 hover:underline">
                <time dateTime={d.receivedAt} suppressHydrationWarning>
                  {formatDateTime(d.receivedAt)}
                </time>
              </Link>
            </Td>
            <Td mono>{d.event ?? "—"}</Td>
            <Td mono>{d.orderNumber ?? "—"}</Td>
            <Td mono className="max-w-40 truncate" title={d.pointsOrderUuid ?? undefined}>
              {d.pointsOrderUuid ?? "—"}
            </Td>
            <Td>
              <DeliveryStatusBadge status={d.status} duplicateCount={d.duplicateCount} />
            </Td>
            <Td numeric>{d.attempts}</Td>
            <Td numeric>{d.ackLatencyMs === null ? "—" : `${d.ackLatencyMs.toFixed(1)} ms`}</Td>
            <Td className="text-right">
              {d.status === "rejected" ? (
                <span
                  className="text-xs text-muted-foreground"
                  title="It never parsed as a Points webhook, so there is nothing to replay."
                >
                  Not replayable
                </span>
              ) : (
                <ReplayButton id={d.id} />
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
