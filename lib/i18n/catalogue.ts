// The message catalogues. Both are bundled: they are small, and the server
// picks one per request from the user's row.
import { NAMESPACES } from "@/messages";
import { LOCALES, type Locale } from "./locales";

type Namespaces = typeof NAMESPACES;
export type Messages = { [N in keyof Namespaces]: Namespaces[N]["en"] };

const CATALOGUES = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    Object.fromEntries(Object.entries(NAMESPACES).map(([name, messages]) => [name, messages[locale]])),
  ]),
) as Record<Locale, Messages>;

export function catalogue(locale: Locale): Messages {
  return CATALOGUES[locale];
}
