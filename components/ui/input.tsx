import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared by Input and Select so form controls line up in toolbars; width is left to the caller (no class merging here). */
export const fieldClasses = cn(
  "h-8 min-w-0 rounded-md border border-border-strong/60 bg-surface px-2.5 text-sm text-foreground shadow-xs",
  "placeholder:text-muted-foreground/80",
  "disabled:cursor-not-allowed disabled:bg-surface-muted disabled:opacity-70",
  "aria-invalid:border-danger aria-invalid:focus-visible:outline-danger",
);

/** Pass `aria-invalid` and `aria-describedby` (pointing at the error text) when validation fails. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(fieldClasses, className)} {...props} />;
}
