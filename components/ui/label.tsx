import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-sm font-medium text-foreground", className)} {...props} />;
}

/** Help or error text under a field; give it an id and point the control's `aria-describedby` at it. */
export function FieldMessage({
  tone = "hint",
  className,
  ...props
}: ComponentProps<"p"> & { tone?: "hint" | "error" }) {
  return (
    <p className={cn("text-xs", tone === "error" ? "text-danger-fg" : "text-muted-foreground", className)} {...props} />
  );
}
