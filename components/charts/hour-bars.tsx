// Stacked bars, one per hour of the last 24, plain divs (no chart library).
// The chart is one labelled image for screen readers; each bar's title gives
// its hour and counts on hover.
import type { HourBucket } from "@/lib/db/hourly-counts";
import { RIYADH_TIME_ZONE } from "@/lib/time/riyadh";

export interface SeriesLook {
  label: string;
  /** Tailwind background class of the series' bar segments and legend swatch. */
  bar: string;
}

const hour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: RIYADH_TIME_ZONE });

export function HourBars<K extends string>({
  hours,
  look,
  label,
}: {
  hours: Array<HourBucket<K>>;
  look: (key: K) => SeriesLook;
  label: string;
}) {
  const peak = Math.max(1, ...hours.map((h) => h.total));
  const entries = (h: HourBucket<K>) => Object.entries(h.counts) as Array<[K, number]>;
  return (
    <div
      className="flex h-16 items-end gap-px"
      role="img"
      aria-label={`${label} per hour over the last 24 hours, peak ${peak}`}
    >
      {hours.map((h) => (
        <div
          key={h.start}
          title={`${hour.format(new Date(h.start))}: ${h.total.toLocaleString("en")} (${
            entries(h)
              .map(([key, n]) => `${n} ${look(key).label.toLowerCase()}`)
              .join(", ") || "none"
          })`}
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
export function SeriesLegend<K extends string>({
  totals,
  look,
}: {
  totals: Array<{ key: K; count: number }>;
  look: (key: K) => SeriesLook;
}) {
  return (
    <ul className="mt-1 space-y-0.5 text-sm">
      {totals.map(({ key, count }) => (
        <li key={key} className="flex items-center gap-2">
          <span aria-hidden="true" className={`size-2 rounded-sm ${look(key).bar}`} />
          {look(key).label}: <span className="tabular-nums">{count.toLocaleString("en")}</span>
        </li>
      ))}
    </ul>
  );
}
