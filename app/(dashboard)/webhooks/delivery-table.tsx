"use client";
// The log's rows. Wide screens get a table that scrolls sideways inside its
// card; below md each row folds into a small card (time, event, order number,
// status, actions) and the columns that matter less are left out.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import type { DeliveryRow } from "@/lib/webhooks/list-deliveries";
import { ReplayButton } from "./replay-button";

// The card's columns may shrink below their text: a long time (Arabic, Hijri) wraps at its spaces and an
// event name (shipping_status_updated) anywhere, instead of pushing the status and Replay out of the card.
const CARD_ROW =
  "max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:items-center max-md:gap-x-3 max-md:border-b max-md:py-2";
const CARD_CELL = "max-md:border-b-0 max-md:px-3 max-md:py-0.5";
const WIDE_ONLY = "max-md:hidden";
// The actions stay in view at the end of a wide table however far it scrolls sideways.
const PINNED = "md:sticky md:end-0";
// A live row starts highlighted; when `fresh` drops it the colour fades out.
const FRESH =
  "[&>td]:transition-colors [&>td]:duration-1000 data-fresh:[&>td]:bg-warning-bg motion-reduce:[&>td]:transition-none";

export function DeliveryTable({ rows, fresh }: { rows: DeliveryRow[]; fresh: ReadonlySet<string> }) {
  const t = useTranslations("Webhooks");
  const format = useDisplayFormat();
  return (
    <Table label={t("table.label")} className="max-md:block max-md:[&_thead]:hidden max-md:[&_tbody]:block">
      <THead>
        <tr>
          <Th>{t("table.received")}</Th>
          <Th>{t("table.event")}</Th>
          <Th>{t("table.orderNumber")}</Th>
          <Th>{t("table.uuid")}</Th>
          <Th>{t("table.status")}</Th>
          <Th numeric>{t("table.attempts")}</Th>
          <Th numeric>{t("table.latency")}</Th>
          <Th className={`${PINNED} md:z-20`}>
            <span className="sr-only">{t("table.actions")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((d) => (
          <tr
            key={d.id}
            data-testid="delivery-row"
            data-delivery-id={d.id}
            data-fresh={fresh.has(d.id) || undefined}
            className={`${CARD_ROW} ${FRESH}`}
          >
            <Td className={`md:whitespace-nowrap ${CARD_CELL}`}>
              <Link href={`/webhooks/${d.id}`} className="text-accent underline-offset-2 hover:underline">
                <time dateTime={d.receivedAt} suppressHydrationWarning>
                  {format.dateTime(d.receivedAt)}
                </time>
              </Link>
            </Td>
            <Td mono className={`${CARD_CELL} max-md:text-end max-md:whitespace-normal max-md:wrap-anywhere`}>
              <Ltr>{d.event ?? "—"}</Ltr>
            </Td>
            <Td mono className={CARD_CELL}>
              {d.orderNumber && d.pointsOrderUuid ? (
                <Link
                  href={`/orders/${d.pointsOrderUuid}`}
                  className="text-accent underline-offset-2 hover:underline"
                  data-testid="delivery-order-link"
                >
                  <Ltr>{d.orderNumber}</Ltr>
                </Link>
              ) : (
                <Ltr>{d.orderNumber ?? "—"}</Ltr>
              )}
            </Td>
            <Td mono className={`max-w-40 truncate ${WIDE_ONLY}`}>
              <Ltr title={d.pointsOrderUuid ?? undefined}>{d.pointsOrderUuid ?? "—"}</Ltr>
            </Td>
            <Td className={`${CARD_CELL} max-md:text-end`}>
              <DeliveryStatusBadge status={d.status} duplicateCount={d.duplicateCount} />
            </Td>
            <Td numeric className={WIDE_ONLY}>
              {format.number(d.attempts)}
            </Td>
            <Td numeric className={`whitespace-nowrap ${WIDE_ONLY}`}>
              {d.ackLatencyMs === null ? "—" : t("ms", { n: format.number(Number(d.ackLatencyMs.toFixed(1))) })}
            </Td>
            <Td className={`text-end ${CARD_CELL} ${PINNED} md:z-[1] md:bg-surface max-md:col-span-2`}>
              {d.status === "rejected" ? (
                <span className="text-xs text-muted-foreground" title={t("table.notReplayableWhy")}>
                  {t("table.notReplayable")}
                </span>
              ) : (
                <ReplayButton id={d.id} />
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
