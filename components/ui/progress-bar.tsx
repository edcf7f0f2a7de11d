/** A determinate progress bar: `value` of `max`, named for screen readers. */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const top = Math.max(1, max);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className="h-2 overflow-hidden rounded-full bg-surface-muted"
    >
      <div
        className="h-full bg-accent transition-[width]"
        style={{ width: `${Math.min(100, (value / top) * 100)}%` }}
      />
    </div>
  );
}
