import { getTranslations } from "next-intl/server";
import { HourBars, SeriesLegend, type SeriesLook } from "@/components/charts/hour-bars";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDisplayFormat } from "@/i18n/display-format";
import type { HourBucket } from "@/lib/db/hourly-counts";
import {
  POINTS_CLASSES,
  WEBHOOK_OUTCOMES,
  type AlertCharts,
  type PointsClass,
  type WebhookOutcome,
} from "@/lib/alerts/alert-charts";

const POINTS_BARS: Record<PointsClass, string> = {
  "2xx": "bg-success-fg",
  "4xx": "bg-warning-fg",
  "5xx": "bg-danger",
  network: "bg-border-strong",
};

const WEBHOOK_BARS: Record<WebhookOutcome, string> = {
  processed: "bg-success-fg",
  failed: "bg-warning-fg",
  dead: "bg-danger",
  rejected: "bg-info-fg",
  unverified: "bg-border-strong",
};

function totals<K extends string>(keys: readonly K[], hours: Array<HourBucket<K>>) {
  return keys.map((key) => ({ key, count: hours.reduce((n, h) => n + (h.counts[key] ?? 0), 0) }));
}

async function ChartCard<K extends string>(p: {
  title: string;
  description: string;
  keys: readonly K[];
  hours: Array<HourBucket<K>>;
  look: (key: K) => SeriesLook;
  testId: string;
}) {
  const [t, format] = await Promise.all([getTranslations("Alerts.charts"), getDisplayFormat()]);
  const sums = totals(p.keys, p.hours);
  const total = sums.reduce((n, s) => n + s.count, 0);
  const summary = sums
    .map((s) => t("part", { count: format.number(s.count), label: p.look(s.key).label }))
    .join(t("separator"));
  return (
    <Card data-testid={p.testId}>
      <CardHeader>
        <CardTitle>{p.title}</CardTitle>
        <CardDescription>{p.description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 sm:grid-cols-[auto_1fr]">
        <SeriesLegend totals={sums} look={p.look} />
        {total === 0 ? (
          <p className="self-center text-sm text-muted-foreground">{t("nothing")}</p>
        ) : (
          <HourBars hours={p.hours} look={p.look} label={t("totals", { title: p.title, totals: summary })} />
        )}
      </CardContent>
    </Card>
  );
}

export async function AlertChartsPanel({ charts }: { charts: AlertCharts }) {
  const t = await getTranslations("Alerts.charts");
  // Status classes are the same in every language; the rest are words.
  const pointsLook = (key: PointsClass): SeriesLook => ({
    label: key === "network" ? t("series.network") : key,
    bar: POINTS_BARS[key],
  });
  const webhookLook = (key: WebhookOutcome): SeriesLook => ({ label: t(`series.${key}`), bar: WEBHOOK_BARS[key] });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        title={t("pointsTitle")}
        description={t("pointsDescription")}
        keys={POINTS_CLASSES}
        hours={charts.points}
        look={pointsLook}
        testId="points-chart"
      />
      <ChartCard
        title={t("webhooksTitle")}
        description={t("webhooksDescription")}
        keys={WEBHOOK_OUTCOMES}
        hours={charts.webhooks}
        look={webhookLook}
        testId="webhooks-chart"
      />
    </div>
  );
}
