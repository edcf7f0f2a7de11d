// What reconciliation found about the order: a difference with Points or a
// lifecycle flag, with its state now. Ops get a link to act on it.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatValue } from "@/components/reconciliation/resolution";
import { RuleDetail, RuleLabel } from "@/components/reconciliation/lifecycle-rule";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";
import { valueTags } from "./timeline-tags";

type Entry = Extract<TimelineEntry, { kind: "difference" | "lifecycle_flag" }>;

const RESOLUTION_TONE = { open: "warning", healed: "success", explained: "neutral" } as const satisfies Record<
  string,
  Tone
>;
const isResolution = (s: string): s is keyof typeof RESOLUTION_TONE => s in RESOLUTION_TONE;
const ONE_SIDED = ["missing_at_points", "missing_here"] as const;

export async function TimelineReconciliation({
  entry,
  orderUuid,
  linkToReconciliation,
}: {
  entry: Entry;
  orderUuid: string;
  linkToReconciliation: boolean;
}) {
  const t = await getTranslations("Timeline");
  const found = entry.kind === "difference" ? entry.difference : entry.flag;
  const oneSided = entry.kind === "difference" ? ONE_SIDED.find((k) => k === entry.difference.kind) : undefined;
  return (
    <div className="grid gap-1">
      <div className="timeline-head">
        <Badge tone="warning">{t(entry.kind === "difference" ? "source.difference" : "source.lifecycle")}</Badge>
        <span className="font-medium">
          {entry.kind === "difference" ? <Ltr>{entry.difference.field}</Ltr> : <RuleLabel rule={entry.flag.rule} />}
        </span>
        <Badge tone={isResolution(found.status) ? RESOLUTION_TONE[found.status] : "neutral"} data-testid="resolution">
          {isResolution(found.status) ? t(`resolution.${found.status}`) : <Ltr>{found.status}</Ltr>}
        </Badge>
        {linkToReconciliation && (
          <Link href={`/reconciliation?q=${orderUuid}&status=all`} className="text-xs text-accent underline">
            {t("reconciliationLink")}
          </Link>
        )}
      </div>
      {entry.kind === "difference" ? (
        <p className="text-sm">
          {t("ours")} <Ltr className="font-mono text-xs">{formatValue(entry.difference.ours)}</Ltr>
          {" · "}
          {t("theirs")} <Ltr className="font-mono text-xs">{formatValue(entry.difference.theirs)}</Ltr>
          {oneSided && <span className="text-muted-foreground"> ({t(`differenceKind.${oneSided}`)})</span>}
        </p>
      ) : (
        <p className="text-sm">
          <RuleDetail rule={entry.flag.rule} detail={entry.flag.detail} />
        </p>
      )}
      {found.note && (
        <p className="text-sm text-muted-foreground">{t.rich("facts.note", { note: found.note, ...valueTags })}</p>
      )}
    </div>
  );
}
