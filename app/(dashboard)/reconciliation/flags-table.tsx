"use client";

import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import { RuleDetail, RuleLabel, useRuleName } from "@/components/reconciliation/lifecycle-rule";
import { ReviewTable } from "@/components/reconciliation/review-table";
import { Td } from "@/components/ui/table";
import type { FlagRow } from "@/lib/lifecycle/list-flags";
import { FlagActions } from "./flag-actions";

export function FlagsTable({ rows }: { rows: FlagRow[] }) {
  const t = useTranslations("Reconciliation");
  const format = useDisplayFormat();
  const ruleName = useRuleName();
  return (
    <ReviewTable
      label={t("flags.label")}
      foundHeader={t("flags.flagged")}
      headers={[t("flags.rule"), t("flags.whatHappened")]}
      rows={rows}
      testId="flag-row"
      cells={(f) => (
        <>
          <Td>
            <span className="font-medium">
              <RuleLabel rule={f.rule} />
            </span>
            <Ltr className="block font-mono text-xs text-muted-foreground">{f.rule}</Ltr>
          </Td>
          <Td className="max-w-96 text-sm">
            <RuleDetail rule={f.rule} detail={f.detail} />
            {f.detail.at && (
              <span className="block text-xs text-muted-foreground">
                {t("flags.pointsTime", { time: format.dateTime(f.detail.at) })}
              </span>
            )}
          </Td>
        </>
      )}
      actions={(f) => (
        <FlagActions
          id={f.id}
          about={t("flags.about", { rule: ruleName(f.rule), order: f.orderNumber ?? f.orderUuid })}
        />
      )}
    />
  );
}
