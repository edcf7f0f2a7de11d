// The pager under every keyset-paged list (lib/db/keyset-page.ts): the URL
// keys and labels of its two links depend on the list's order.
import Link from "next/link";
import { buttonClasses } from "./button";

interface PagerSteps<K extends string> {
  prev: { key: K; label: string };
  next: { key: K; label: string };
}

/** Logs, newest first: `?newer=` / `?older=`. */
export const NEWEST_FIRST_STEPS: PagerSteps<"newer" | "older"> = {
  prev: { key: "newer", label: "← Newer" },
  next: { key: "older", label: "Older →" },
};

/** Lists a person sorts: `?before=` / `?after=`. */
export const SORTED_STEPS: PagerSteps<"before" | "after"> = {
  prev: { key: "before", label: "← Previous" },
  next: { key: "after", label: "Next →" },
};

/** Links to the list at `path` with its filter (`filterParams`) kept; nothing when there is only one page. */
export function KeysetPager<K extends string>({
  page: { prevCursor, nextCursor },
  steps,
  path,
  filterParams,
  label = "Pages",
  className,
}: {
  page: { prevCursor: string | null; nextCursor: string | null };
  steps: PagerSteps<K>;
  path: string;
  filterParams: string | URLSearchParams;
  /** The navigation's accessible name, in the reader's language. */
  label?: string;
  className?: string;
}) {
  if (!prevCursor && !nextCursor) return null;
  const href = (key: K, cursor: string) => {
    const params = new URLSearchParams(filterParams);
    params.set(key, cursor);
    return `${path}?${params}`;
  };
  const link = (step: PagerSteps<K>["prev"], cursor: string | null) =>
    cursor ? (
      <Link href={href(step.key, cursor)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {step.label}
      </Link>
    ) : (
      <span aria-hidden="true" />
    );
  return (
    <nav aria-label={label} className={`flex justify-between gap-2 ${className ?? ""}`}>
      {link(steps.prev, prevCursor)}
      {link(steps.next, nextCursor)}
    </nav>
  );
}
