import type { ComponentProps } from "react";
import { cn } from "./cn";
import { fieldClasses } from "./input";

/** Native select: keeps the platform's keyboard and screen-reader behaviour for free. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldClasses, "select-chevron pe-8", className)} {...props} />;
}
