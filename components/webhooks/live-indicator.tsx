import { cn } from "@/components/ui/cn";

export type LiveState = "connecting" | "live" | "paused" | "reconnecting";

const LOOK: Record<LiveState, { label: string; dot: string }> = {
  connecting: { label: "Connecting…", dot: "bg-border-strong" },
  live: { label: "Live", dot: "bg-success-fg animate-pulse motion-reduce:animate-none" },
  paused: { label: "Paused", dot: "bg-warning-fg" },
  reconnecting: { label: "Reconnecting…", dot: "bg-danger" },
};

export function LiveIndicator({ state }: { state: LiveState }) {
  const { label, dot } = LOOK[state];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-sm font-medium text-foreground"
      role="status"
      aria-live="polite"
    >
      <span aria-hidden="true" className={cn("size-2 rounded-full", dot)} />
      <span data-testid="live-state" data-state={state}>
        {label}
      </span>
    </span>
  );
}
