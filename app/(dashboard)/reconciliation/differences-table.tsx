import { Badge } from "@/components/ui/badge";
import { OrderCell } from "@/components/reconciliation/order-cell";
import { formatValue, ResolutionBadge } from "@/components/reconciliation/resolution";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { DifferenceRow } from "@/lib/reconcile/list-differences";
import { DifferenceActions } from "./difference-actions";

export function DifferencesTable({ rows }: { rows: DifferenceRow[] }) {
  return (
    <Table label="Differences, newest first">
      <THead>
        <Tr>
          <Th>Found</Th>
          <Th>Order</Th>
          <Th>Field</Th>
          <Th>Kind</Th>
          <Th>Ours</Th>
          <Th>Points</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((d) => {
          const order = d.orderNumber ?? d.orderUuid;
          return (
            <Tr key={d.id} data-testid="difference-row" data-order-uuid={d.orderUuid}>
              <Td className="whitespace-nowrap">{formatDateTime(d.createdAt)}</Td>
              <OrderCell orderUuid={d.orderUuid} orderNumber={d.orderNumber} />
              <Td mono>{d.field}</Td>
              <Td>
                <Badge tone={d.kind === "mismatch" ? "warning" : "danger"}>{d.kind.replace(/_/g, " ")}</Badge>
              </Td>
              <Td userText data-testid="ours">
                {formatValue(d.ours)}
              </Td>
              <Td userText data-testid="theirs">
                {formatValue(d.theirs)}
              </Td>
              <Td>
                <div className="grid gap-0.5">
                  <ResolutionBadge status={d.status} />
                  {d.note && (
                    <span className="max-w-56 text-xs text-muted-foreground" dir="auto">
                      {d.note}
                    </span>
                  )}
                </div>
              </Td>
              <Td className="text-right">
                {d.status === "open" && (
                  <DifferenceActions
                    id={d.id}
                    orderUuid={d.orderUuid}
                    label={`${d.field} of ${order}`}
                    canHeal={d.kind !== "missing_at_points"}
                  />
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
