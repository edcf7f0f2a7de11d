import { OrderCell } from "@/components/reconciliation/order-cell";
import { ResolutionBadge } from "@/components/reconciliation/resolution";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { ruleLabel } from "@/lib/lifecycle/check-lifecycle";
import type { FlagRow } from "@/lib/lifecycle/list-flags";
import { FlagActions } from "./flag-actions";

export function FlagsTable({ rows }: { rows: FlagRow[] }) {
  return (
    <Table label="Open lifecycle flags, newest first">
      <THead>
        <Tr>
          <Th>Flagged</Th>
          <Th>Order</Th>
          <Th>Rule</Th>
          <Th>What happened</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((f) => {
          const order = f.orderNumber ?? f.orderUuid;
          return (
            <Tr key={f.id} data-testid="flag-row" data-order-uuid={f.orderUuid}>
              <Td className="whitespace-nowrap">{formatDateTime(f.createdAt)}</Td>
              <OrderCell orderUuid={f.orderUuid} orderNumber={f.orderNumber} />
              <Td>
                <span className="font-medium">{ruleLabel(f.rule)}</span>
                <span className="block font-mono text-xs text-muted-foreground">{f.rule}</span>
              </Td>
              <Td className="max-w-96 text-sm">
                {f.detail.message ?? "—"}
                {f.detail.at && (
                  <span className="block text-xs text-muted-foreground">Points time {formatDateTime(f.detail.at)}</span>
                )}
              </Td>
              <Td>
                <ResolutionBadge status={f.status} />
              </Td>
              <Td className="text-right">
                {f.status === "open" && <FlagActions id={f.id} label={`${ruleLabel(f.rule)} on ${order}`} />}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
