// The points-ops mark: a rounded tile with a ring of points. Same drawing as public/favicon.svg.
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="8" fill="#4f46e5" />
      <circle cx="16" cy="16" r="7.5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="16" cy="16" r="2.5" fill="#fff" />
      <circle cx="24.5" cy="7.5" r="2.5" fill="#fbbf24" />
    </svg>
  );
}
