// Stacked bars, one per hour of the last 24, plain divs (no chart library).
// The chart is one labelled image for screen readers; each bar's title gives
// its hour and counts on hover, in the reader's language, digits and Riyadh time.
import { getTranslations } from "next-intl/server";
import { getDisplayFormat } from "@/i18n/display-format";
import type { HourBucket } from "@/lib/db/hourly-counts";

export interface SeriesLook {
  label: string;
  /** Tailwind background class of the series' bar segments and legend swatch. */
  bar: string;
}

export async function HourBars<K extends string>({
  hours,
  look,
  label,
}: {
  hours: Array<HourBucket<K>>;
  look: (key: K) => SeriesLook;
  label: string;
}) {
  const [t, format] = await Promise.all([getTranslations("Alerts.charts"), getDisplayFormat()]);
  const peak = Math.max(1, ...hours.map((h) => h.total));
  const entries = (h: HourBucket<K>) => Object.entries(h.counts) as Array<[K, number]>;
  return (
    <div
      className="flex h-16 items-end gap-px"
      role="img"
      aria-label={t("barsLabel", { label, peak: format.number(peak) })}
    >
      {hours.map((h) => (
        <div
          key={h.start}
          title={t("bar", {
            hour: format.time(h.start),
            total: format.number(h.total),
            parts:
              entries(h)
                .map(([key, n]) => t("part", { count: format.number(n), label: look(key).label }))
                .join(t("separator")) || t("noneInHour"),
          })}
          className="flex h-full flex-1 flex-col-reverse bg-surface-muted"
        >
          {entries(h).map(([key, n]) => (
            <div key={key} className={look(key).bar} style={{ height: `${(n / peak) * 100}%` }} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** The series with their totals, so the numbers are readable without the chart. */
export async function SeriesLegend<K extends string>({
  totals,
  look,
}: {
  totals: Array<{ key: K; count: number }>;
  look: (key: K) => SeriesLook;
}) {
  const format = await getDisplayFormat();
  return (
    <ul className="mt-1 space-y-0.5 text-sm">
      {totals.map(({ key, count }) => (
        <li key={key} className="flex items-center gap-2">
          <span aria-hidden="true" className={`size-2 rounded-sm ${look(key).bar}`} />
          {look(key).label}: <span className="tabular-nums">{format.number(count)}</span>
        </li>
      ))}
    </ul>
  );
}
