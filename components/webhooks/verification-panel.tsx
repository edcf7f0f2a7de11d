import { HourBars, SeriesLegend } from "@/components/charts/hour-bars";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { VerificationStats } from "@/lib/webhooks/verification-stats";

const REASONS: Record<string, { label: string; bar: string }> = {
  wrong_secret: { label: "Wrong secret", bar: "bg-danger" },
  missing_secret: { label: "Missing secret", bar: "bg-warning-fg" },
};
const look = (reason: string) => REASONS[reason] ?? { label: reason.replace(/_/g, " "), bar: "bg-border-strong" };

export function VerificationPanel({ stats }: { stats: VerificationStats }) {
  return (
    <Card className="mb-5" data-testid="verification-panel">
      <CardHeader>
        <CardTitle>Failed secret checks, last 24 hours</CardTitle>
        <CardDescription>
          Requests to the webhook endpoint without a valid X-Webhook-Secret. A steady stream of wrong secrets usually
          means a rotated secret; bursts from unknown addresses mean someone is probing.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-[auto_1fr_auto]">
        <div>
          <p className="text-2xl font-semibold tabular-nums" data-testid="verification-total">
            {stats.total.toLocaleString("en")}
          </p>
          <SeriesLegend totals={stats.byReason.map(({ reason, count }) => ({ key: reason, count }))} look={look} />
        </div>
        {stats.total === 0 ? (
          <p className="self-center text-sm text-muted-foreground">No failed secret checks in the last 24 hours.</p>
        ) : (
          <HourBars hours={stats.hours} look={look} label="Failed secret checks" />
        )}
        {stats.topSources.length > 0 && (
          <div className="text-sm">
            <p className="text-xs font-medium text-muted-foreground">Top source addresses</p>
            <ol className="mt-1 space-y-0.5">
              {stats.topSources.map((s) => (
                <li key={s.sourceAddress ?? "unknown"} className="flex justify-between gap-4">
                  <span className="font-mono text-xs">{s.sourceAddress ?? "unknown"}</span>
                  <span className="tabular-nums">{s.count.toLocaleString("en")}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
