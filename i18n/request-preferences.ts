// The display preferences for this request: the signed-in user's, or, before
// sign-in, the language picked on the sign-in page (a cookie) or the browser's.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth/next-auth";
import { getDb } from "@/lib/db/prisma";
import { DEFAULT_LOCALE, DEFAULT_PREFERENCES, isLocale, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { readPreferences } from "@/lib/i18n/display-preferences";

export const LOCALE_COOKIE = "points_ops_locale";

/** The language a person without a stored choice sees: their last pick on this browser, else Accept-Language. */
export async function browserLocale(): Promise<Locale | undefined> {
  const picked = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(picked)) return picked;
  return negotiateLocale((await headers()).get("accept-language"));
}

export const requestPreferences = cache(async () => {
  const fallback = (await browserLocale()) ?? DEFAULT_LOCALE;
  const session = await auth();
  const id = session?.user?.id;
  return id ? readPreferences(getDb(), id, fallback) : { ...DEFAULT_PREFERENCES, locale: fallback };
});
