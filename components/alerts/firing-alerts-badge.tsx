"use client";
// The shell header's count of firing alerts (ops and above), polled so that an
// alert shows up on whatever page ops has open.
import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import type { FiringSummary } from "@/lib/alerts/list-alerts";
import { cn } from "@/components/ui/cn";
import { alertKeys } from "./query-keys";

const REFRESH_MS = 30_000;

async function fetchFiring(): Promise<FiringSummary> {
  const response = await fetch("/api/alerts/firing", { cache: "no-store" });
  if (!response.ok) throw new Error("The alert count could not be loaded.");
  return (await response.json()) as FiringSummary;
}

export function FiringAlertsBadge({ initial }: { initial: FiringSummary }) {
  const { data } = useQuery({
    queryKey: alertKeys.firing,
    queryFn: fetchFiring,
    initialData: initial,
    staleTime: REFRESH_MS / 2,
    refetchInterval: REFRESH_MS,
  });
  const t = useTranslations("Shell");
  const format = useDisplayFormat();
  if (data.count === 0) return null;
  const label = t("firingAlerts", {
    count: data.count,
    n: format.number(data.count),
    critical: data.critical,
    criticalN: format.number(data.critical),
  });
  return (
    <Link
      href="/alerts"
      aria-label={label}
      title={label}
      data-testid="firing-alerts-badge"
      className={cn(
        "inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-semibold",
        data.critical
          ? "bg-danger text-danger-foreground hover:bg-danger-hover"
          : "bg-warning-bg text-warning-fg hover:bg-warning-bg/80",
      )}
    >
      <Bell aria-hidden className="size-3.5" />
      <span className="tabular-nums">{format.number(data.count)}</span>
    </Link>
  );
}
