import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

function Panel({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed bg-surface px-6 py-10 text-center",
        className,
      )}
    >
      {children}
    </div>
  );
}

export function EmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description?: ReactNode;
  /** e.g. a "Clear filters" button or a link to create the first item. */
  action?: ReactNode;
}) {
  return (
    <Panel>
      <p className="text-sm font-semibold text-foreground">{title}</p>
      {description && <p className="max-w-md text-sm text-muted-foreground">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </Panel>
  );
}

/** Skeleton rows shaped like a table, so the page does not jump when data arrives. */
export function LoadingState({ rows = 5, label = "Loading…" }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-busy="true" className="overflow-hidden rounded-lg border bg-surface">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="h-9 border-b bg-surface-muted" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className="flex items-center gap-4 border-b px-3 py-3 last:border-b-0">
          <div className="h-3 w-24 animate-pulse rounded bg-surface-muted motion-reduce:animate-none" />
          <div className="h-3 flex-1 animate-pulse rounded bg-surface-muted motion-reduce:animate-none" />
          <div className="h-3 w-16 animate-pulse rounded bg-surface-muted motion-reduce:animate-none" />
        </div>
      ))}
    </div>
  );
}

/**
 * Shows a message already safe for a person to read (never a raw error or stack).
 * `onRetry` is a client function, so pass it only from a client component (e.g. `error.tsx`'s reset
 * or a query's refetch); without it the retry button is omitted.
 */
export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
}: {
  title?: string;
  message: ReactNode;
  onRetry?: () => void;
}) {
  return (
    <Panel className="border-solid border-danger/40">
      <p className="text-sm font-semibold text-danger-fg">{title}</p>
      <p className="max-w-md text-sm text-muted-foreground">{message}</p>
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Panel>
  );
}
