"use client";
// The frame the differences and the lifecycle flags share: when it was found,
// the order, what is particular to the item, its state with the note that
// closed it, and its actions while it is open.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { OrderCell } from "./order-cell";
import { ResolutionBadge } from "./resolution";

export interface ReviewItem {
  id: string;
  orderUuid: string;
  orderNumber: string | null;
  status: string;
  note: string | null;
  createdAt: string;
}

export function ReviewTable<T extends ReviewItem>({
  label,
  foundHeader,
  headers,
  rows,
  testId,
  cells,
  actions,
}: {
  label: string;
  foundHeader: string;
  /** the headers of the item's own columns, between the order and its state */
  headers: string[];
  rows: T[];
  testId: string;
  cells: (row: T) => ReactNode;
  /** shown while the item is open */
  actions: (row: T) => ReactNode;
}) {
  const t = useTranslations("Reconciliation.differences");
  const format = useDisplayFormat();
  return (
    <Table label={label}>
      <THead>
        <tr>
          <Th>{foundHeader}</Th>
          <Th>{t("order")}</Th>
          {headers.map((header) => (
            <Th key={header}>{header}</Th>
          ))}
          <Th>{t("status")}</Th>
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-testid={testId} data-order-uuid={row.orderUuid}>
            <Td className="whitespace-nowrap">{format.dateTime(row.createdAt)}</Td>
            <OrderCell orderUuid={row.orderUuid} orderNumber={row.orderNumber} />
            {cells(row)}
            <Td>
              <div className="grid gap-0.5">
                <ResolutionBadge status={row.status} />
                {row.note && (
                  <span className="max-w-56 text-xs text-muted-foreground" dir="auto">
                    {row.note}
                  </span>
                )}
              </div>
            </Td>
            <Td className="text-end">{row.status === "open" && actions(row)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
