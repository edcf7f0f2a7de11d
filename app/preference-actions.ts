"use server";
// The header's language, theme, calendar and digits switches, and the sign-in
// page's language switch (which has no user yet, so only this browser remembers it).
import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction, staffAction, type ActionResult } from "@/lib/auth/safe-action";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { preferencesPatchSchema } from "@/lib/i18n/preferences-patch";
import { savePreferences } from "@/lib/i18n/display-preferences";
import { LOCALE_COOKIE } from "@/i18n/request-preferences";

const YEAR_S = 365 * 24 * 3600;

async function rememberLocale(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR_S, sameSite: "lax", httpOnly: true });
}

export const savePreferencesAction = staffAction(
  {
    name: "preferences.save",
    role: "viewer",
    input: preferencesPatchSchema,
    genericMessage: "Your preference could not be saved.",
    revalidate: [{ path: "/", type: "layout" }],
  },
  async ({ db, user, input }): Promise<ActionResult> => {
    await savePreferences(db, user.id, input);
    // The sign-in page after signing out speaks the same language.
    if (input.locale) await rememberLocale(input.locale);
    return { ok: true };
  },
);

export const pickSignInLocaleAction = publicAction(
  { name: "preferences.signInLocale", input: z.enum(LOCALES) },
  async (locale): Promise<ActionResult> => {
    await rememberLocale(locale);
    return { ok: true };
  },
);
