// Refunded and refundable amounts with where they come from. Points documents
// no refund figures, so when a refund of unknown amount happened the page says
// so rather than showing a confident wrong figure.
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { getDisplayFormat } from "@/i18n/display-format";
import type { RefundPosition } from "@/lib/refunds/refund-position";
import { SummaryField } from "./summary-field";

export async function RefundAmounts({ position, refundAllowed }: { position: RefundPosition; refundAllowed: boolean }) {
  const [t, format] = await Promise.all([getTranslations("OrderPage.refunds"), getDisplayFormat()]);
  const refundable = refundAllowed ? position.refundable : 0;
  const { count, total } = position.throughPointsOps;
  const source = [
    ...(count > 0 ? [t("throughOps", { count, n: format.number(count), amount: format.sar(total) })] : []),
    ...(position.reportedByPoints ? [t("reportedByPoints")] : []),
  ];
  const refunded = format.sar(position.refunded);
  return (
    <>
      <SummaryField label={t("refunded")}>
        <span className="grid gap-0.5">
          <span className="tabular-nums" data-testid="refunded-amount">
            {position.unknown ? t("atLeast", { amount: refunded }) : <Ltr>{refunded}</Ltr>}
          </span>
          <span className="text-xs text-muted-foreground" data-testid="refund-source">
            {source.length ? source.join(t("separator")) : t("none")}
          </span>
        </span>
      </SummaryField>
      <SummaryField label={t("refundable")}>
        <span className="grid gap-0.5">
          <span className="tabular-nums" data-testid="refundable-amount">
            {position.unknown && refundAllowed ? (
              t("unknownAtMost", { amount: format.sar(refundable) })
            ) : (
              <Ltr>{format.sar(refundable)}</Ltr>
            )}
          </span>
          {position.unknown && (
            <span className="text-xs text-warning-fg" role="note" data-testid="refund-unknown">
              {t("unknownNote")}
            </span>
          )}
        </span>
      </SummaryField>
    </>
  );
}
