"use client";
// The shell header's count of firing alerts (ops and above), polled so that an
// alert shows up on whatever page ops has open.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { FiringAlertsResponse } from "@/app/api/alerts/firing/route";
import { cn } from "@/components/ui/cn";
import { alertKeys } from "./query-keys";

const REFRESH_MS = 30_000;

async function fetchFiring(): Promise<FiringAlertsResponse> {
  const response = await fetch("/api/alerts/firing", { cache: "no-store" });
  if (!response.ok) throw new Error("The alert count could not be loaded.");
  return (await response.json()) as FiringAlertsResponse;
}

export function FiringAlertsBadge({ initial }: { initial: FiringAlertsResponse }) {
  const { data } = useQuery({
    queryKey: alertKeys.firing,
    queryFn: fetchFiring,
    initialData: initial,
    staleTime: REFRESH_MS / 2,
    refetchInterval: REFRESH_MS,
  });
  if (data.count === 0) return null;
  const label = `${data.count} firing alert${data.count === 1 ? "" : "s"}${data.critical ? `, ${data.critical} critical` : ""}`;
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
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="size-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M8 2a4 4 0 0 0-4 4v2.5L2.5 11h11L12 8.5V6a4 4 0 0 0-4-4ZM6.5 13a1.5 1.5 0 0 0 3 0" />
      </svg>
      <span className="tabular-nums">{data.count}</span>
    </Link>
  );
}
