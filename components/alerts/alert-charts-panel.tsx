import { HourBars, SeriesLegend, type SeriesLook } from "@/components/charts/hour-bars";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { HourBucket } from "@/lib/db/hourly-counts";
import {
  POINTS_CLASSES,
  WEBHOOK_OUTCOMES,
  type AlertCharts,
  type PointsClass,
  type WebhookOutcome,
} from "@/lib/alerts/alert-charts";

const POINTS_LOOK: Record<PointsClass, SeriesLook> = {
  "2xx": { label: "2xx", bar: "bg-success-fg" },
  "4xx": { label: "4xx", bar: "bg-warning-fg" },
  "5xx": { label: "5xx", bar: "bg-danger" },
  network: { label: "No answer (network, timeout)", bar: "bg-border-strong" },
};

const WEBHOOK_LOOK: Record<WebhookOutcome, SeriesLook> = {
  processed: { label: "Processed", bar: "bg-success-fg" },
  failed: { label: "Failed (retrying)", bar: "bg-warning-fg" },
  dead: { label: "Dead-lettered", bar: "bg-danger" },
  rejected: { label: "Rejected (not an envelope)", bar: "bg-info-fg" },
  unverified: { label: "Unverified (secret check failed)", bar: "bg-border-strong" },
};

function totals<K extends string>(keys: readonly K[], hours: Array<HourBucket<K>>) {
  return keys.map((key) => ({ key, count: hours.reduce((n, h) => n + (h.counts[key] ?? 0), 0) }));
}

function ChartCard<K extends string>(p: {
  title: string;
  description: string;
  keys: readonly K[];
  hours: Array<HourBucket<K>>;
  look: Record<K, SeriesLook>;
  testId: string;
}) {
  const look = (key: K) => p.look[key];
  const sums = totals(p.keys, p.hours);
  const total = sums.reduce((n, s) => n + s.count, 0);
  return (
    <Card data-testid={p.testId}>
      <CardHeader>
        <CardTitle>{p.title}</CardTitle>
        <CardDescription>{p.description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 sm:grid-cols-[auto_1fr]">
        <SeriesLegend totals={sums} look={look} />
        {total === 0 ? (
          <p className="self-center text-sm text-muted-foreground">Nothing in the last 24 hours.</p>
        ) : (
          <HourBars
            hours={p.hours}
            look={look}
            label={`${p.title}: ${sums.map((s) => `${s.count} ${look(s.key).label}`).join(", ")};`}
          />
        )}
      </CardContent>
    </Card>
  );
}

export function AlertChartsPanel({ charts }: { charts: AlertCharts }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        title="Points API responses, last 24 hours"
        description="Every call to Points (retries included) by status class, per hour."
        keys={POINTS_CLASSES}
        hours={charts.points}
        look={POINTS_LOOK}
        testId="points-chart"
      />
      <ChartCard
        title="Webhook outcomes, last 24 hours"
        description="Deliveries by their status now, per hour they arrived, and requests that failed the secret check."
        keys={WEBHOOK_OUTCOMES}
        hours={charts.webhooks}
        look={WEBHOOK_LOOK}
        testId="webhooks-chart"
      />
    </div>
  );
}
