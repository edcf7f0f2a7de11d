"use client";

import { useTranslations } from "next-intl";
import { Ltr } from "@/components/i18n/ltr";
import { formatValue } from "@/components/reconciliation/resolution";
import { ReviewTable } from "@/components/reconciliation/review-table";
import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";
import type { DifferenceRow } from "@/lib/reconcile/list-differences";
import { DifferenceActions } from "./difference-actions";
import { DifferenceKind } from "./difference-kind";

export function DifferencesTable({ rows }: { rows: DifferenceRow[] }) {
  const t = useTranslations("Reconciliation.differences");
  return (
    <ReviewTable
      label={t("label")}
      foundHeader={t("found")}
      headers={[t("field"), t("kind"), t("ours"), t("points")]}
      rows={rows}
      testId="difference-row"
      cells={(d) => (
        <>
          <Td mono>
            <Ltr>{d.field}</Ltr>
          </Td>
          <Td>
            <Badge tone={d.kind === "mismatch" ? "warning" : "danger"}>
              <DifferenceKind kind={d.kind} />
            </Badge>
          </Td>
          {/* Values as stored: identifiers, statuses, or text a person typed, in its own direction. */}
          <Td data-testid="ours">
            <bdi translate="no">{formatValue(d.ours)}</bdi>
          </Td>
          <Td data-testid="theirs">
            <bdi translate="no">{formatValue(d.theirs)}</bdi>
          </Td>
        </>
      )}
      actions={(d) => (
        <DifferenceActions
          id={d.id}
          orderUuid={d.orderUuid}
          about={t("about", { field: d.field, order: d.orderNumber ?? d.orderUuid })}
          canHeal={d.kind !== "missing_at_points"}
        />
      )}
    />
  );
}
