// The pager under every keyset-paged list (lib/db/keyset-page.ts): the URL
// keys and labels of its two links depend on the list's order.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClasses } from "./button";

type StepLabel = "newer" | "older" | "previous" | "next";

interface PagerSteps<K extends string> {
  prev: { key: K; label: StepLabel };
  next: { key: K; label: StepLabel };
}

/** Logs, newest first: `?newer=` / `?older=`. */
export const NEWEST_FIRST_STEPS: PagerSteps<"newer" | "older"> = {
  prev: { key: "newer", label: "newer" },
  next: { key: "older", label: "older" },
};

/** Lists a person sorts: `?before=` / `?after=`. */
export const SORTED_STEPS: PagerSteps<"before" | "after"> = {
  prev: { key: "before", label: "previous" },
  next: { key: "after", label: "next" },
};

/** Links to the list at `path` with its filter (`filterParams`) kept; nothing when there is only one page. */
export function KeysetPager<K extends string>({
  page: { prevCursor, nextCursor },
  steps,
  path,
  filterParams,
  label,
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
  const t = useTranslations("Pager");
  if (!prevCursor && !nextCursor) return null;
  const href = (key: K, cursor: string) => {
    const params = new URLSearchParams(filterParams);
    params.set(key, cursor);
    return `${path}?${params}`;
  };
  const link = (step: PagerSteps<K>["prev"], cursor: string | null) =>
    cursor ? (
      <Link href={href(step.key, cursor)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {t(step.label)}
      </Link>
    ) : (
      <span aria-hidden="true" />
    );
  return (
    <nav aria-label={label ?? t("label")} className={`flex justify-between gap-2 ${className ?? ""}`}>
      {link(steps.prev, prevCursor)}
      {link(steps.next, nextCursor)}
    </nav>
  );
}
