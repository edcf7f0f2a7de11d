import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping falsy entries so conditions can be written
 * inline; a later Tailwind class wins over an earlier one of the same kind, so
 * `className="p-0"` overrides a component's base padding.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
