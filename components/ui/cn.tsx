type ClassValue = string | false | null | undefined;

/** Joins class names, skipping falsy entries so conditions can be written inline. */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
