import { getTranslations } from "next-intl/server";
import { HourBars, SeriesLegend, type SeriesLook } from "@/components/charts/hour-bars";
import { Ltr } from "@/components/i18n/ltr";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDisplayFormat } from "@/i18n/display-format";
import type { VerificationStats } from "@/lib/webhooks/verification-stats";

const BARS: Record<string, string> = { wrong_secret: "bg-danger", missing_secret: "bg-warning-fg" };

/** `id="verification"`: the overview's verification figures link here. */
export async function VerificationPanel({ stats }: { stats: VerificationStats }) {
  const [t, format] = await Promise.all([getTranslations("Webhooks.verification"), getDisplayFormat()]);
  // A reason this version does not know keeps its stored name.
  const look = (reason: string): SeriesLook => ({
    label: reason === "wrong_secret" || reason === "missing_secret" ? t(`reasons.${reason}`) : reason,
    bar: BARS[reason] ?? "bg-border-strong",
  });
  return (
    <Card id="verification" className="mb-5 scroll-mt-20" data-testid="verification-panel">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t.rich("description", { code: (chunks) => <code>{chunks}</code> })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-[auto_1fr_auto]">
        <div>
          <p className="text-2xl font-semibold tabular-nums" data-testid="verification-total">
            {format.number(stats.total)}
          </p>
          <SeriesLegend totals={stats.byReason.map(({ reason, count }) => ({ key: reason, count }))} look={look} />
        </div>
        {stats.total === 0 ? (
          <p className="self-center text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <HourBars hours={stats.hours} look={look} label={t("chart")} />
        )}
        {stats.topSources.length > 0 && (
          <div className="text-sm">
            <p className="text-xs font-medium text-muted-foreground">{t("topSources")}</p>
            <ol className="mt-1 space-y-0.5">
              {stats.topSources.map((s) => (
                <li key={s.sourceAddress ?? "unknown"} className="flex justify-between gap-4">
                  {s.sourceAddress ? (
                    <Ltr className="font-mono text-xs">{s.sourceAddress}</Ltr>
                  ) : (
                    <span className="text-xs">{t("unknownSource")}</span>
                  )}
                  <span className="tabular-nums">{format.number(s.count)}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
