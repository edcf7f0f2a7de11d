import type { ComponentProps } from "react";
import { cn } from "./cn";

type TableProps = ComponentProps<"table"> & {
  /** Names the table for screen readers (sr-only caption) and the scrollable region around it. */
  label: string;
  zebra?: boolean;
  /**
   * A sticky header only sticks inside its scroll container, and the horizontal-overflow
   * wrapper is that container, so a sticky table caps its own height and scrolls inside.
   */
  stickyHeader?: boolean;
  /** On a phone the table's own class lays its rows out as cards (see `.order-table`), so the frame around it goes. */
  cardsOnPhone?: boolean;
};

export function Table({
  label,
  zebra = false,
  stickyHeader = true,
  cardsOnPhone = false,
  className,
  children,
  ...props
}: TableProps) {
  return (
    <div
      role="region"
      aria-label={label}
      // Focusable so keyboard users can scroll a table wider or taller than the screen.
      tabIndex={0}
      className={cn(
        "relative w-full overflow-auto rounded-lg border bg-surface",
        stickyHeader && "max-h-[75vh] [&_thead_th]:sticky [&_thead_th]:top-0 [&_thead_th]:z-10",
        cardsOnPhone && "max-md:max-h-none max-md:overflow-visible max-md:border-0 max-md:bg-transparent",
      )}
    >
      <table
        className={cn(
          "data-table w-full border-separate border-spacing-0 text-sm",
          zebra && "[&_tbody_tr:nth-child(even)]:bg-surface-muted/60",
          className,
        )}
        {...props}
      >
        <caption className="sr-only">{label}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={className} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child_td]:border-b-0", className)} {...props} />;
}

type AlignProps = {
  /** End-aligned tabular figures so amounts and counts line up by digit. */
  numeric?: boolean;
};

export function Th({ numeric = false, scope = "col", className, ...props }: ComponentProps<"th"> & AlignProps) {
  return (
    <th
      scope={scope}
      className={cn(
        // Borders sit on cells because border-collapse would let sticky headers lose theirs.
        "h-9 whitespace-nowrap border-b bg-surface-muted px-3 text-xs font-medium text-muted-foreground",
        numeric ? "text-end" : "text-start",
        className,
      )}
      {...props}
    />
  );
}

type TdProps = ComponentProps<"td"> &
  AlignProps & {
    /**
     * The cell shows text a person typed (names, Arabic shipping labels): `dir="auto"` lets the
     * browser pick the direction from the text, while `text-start` keeps the column aligned.
     */
    userText?: boolean;
    mono?: boolean;
  };

/** A body cell: its padding, border and start alignment come from the table (`.data-table` in app/globals.css). */
export function Td({ numeric = false, userText = false, mono = false, className, ...props }: TdProps) {
  const classes = cn(numeric && "text-end tabular-nums", mono && "whitespace-nowrap font-mono text-xs", className);
  // Only the attributes this cell needs: a server render sends every prop given, an undefined one too.
  return <td {...(userText ? { dir: "auto" } : {})} {...(classes ? { className: classes } : {})} {...props} />;
}
