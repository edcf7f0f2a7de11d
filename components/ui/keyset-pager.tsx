// "← Newer" / "Older →" under a keyset-paged list (lib/db/keyset-page.ts).
import Link from "next/link";
import { buttonClasses } from "./button";

/** `href(key, cursor)`: the list's URL at that position, filters kept. */
export function KeysetPager({
  newerCursor,
  olderCursor,
  href,
  className,
}: {
  newerCursor: string | null;
  olderCursor: string | null;
  href: (key: "newer" | "older", cursor: string) => string;
  className?: string;
}) {
  return (
    <nav aria-label="Pages" className={`flex justify-between ${className ?? ""}`}>
      {newerCursor ? (
        <Link href={href("newer", newerCursor)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {olderCursor && (
        <Link href={href("older", olderCursor)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          Older →
        </Link>
      )}
    </nav>
  );
}
