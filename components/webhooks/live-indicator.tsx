"use client";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type LiveState = "connecting" | "live" | "paused" | "reconnecting";

const DOT: Record<LiveState, string> = {
  connecting: "bg-border-strong",
  live: "bg-success-fg animate-pulse motion-reduce:animate-none",
  paused: "bg-warning-fg",
  reconnecting: "bg-danger",
};

export function LiveIndicator({ state }: { state: LiveState }) {
  const t = useTranslations("Webhooks.live");
  return (
    <span
      className="inline-flex items-center gap-1.5 text-sm font-medium text-foreground"
      role="status"
      aria-live="polite"
    >
      <span aria-hidden="true" className={cn("size-2 rounded-full", DOT[state])} />
      <span data-testid="live-state" data-state={state}>
        {t(state)}
      </span>
    </span>
  );
}
