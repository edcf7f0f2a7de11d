// The message catalogues. Both are bundled: they are small, and the server
// picks one per request from the user's row.
import ar from "@/messages/ar";
import en from "@/messages/en";
import type { Locale } from "./locales";

export type Messages = typeof en;
const CATALOGUES: Record<Locale, Messages> = { en, ar };

export function catalogue(locale: Locale): Messages {
  return CATALOGUES[locale];
}
