"use server";
// The header's language, theme, calendar and digits switches, and the sign-in
// page's language switch (which has no user yet, so only this browser remembers it).
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/safe-action";
import { getDb } from "@/lib/db/prisma";
import { LOCALES, preferencesPatchSchema, type Locale } from "@/lib/i18n/locales";
import { savePreferences } from "@/lib/users/display-preferences";
import { LOCALE_COOKIE } from "@/i18n/request-preferences";
import { z } from "zod";

export type PreferenceResult = { ok: true } | { ok: false };

const YEAR_S = 365 * 24 * 3600;

async function rememberLocale(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR_S, sameSite: "lax", httpOnly: true });
}

export async function savePreferencesAction(input: unknown): Promise<PreferenceResult> {
  const result = await validatedAction(
    "preferences.save",
    "viewer",
    "Your preference could not be saved.",
    preferencesPatchSchema,
    input,
    async (user, patch) => {
      await savePreferences(getDb(), user.id, patch);
      // The sign-in page after signing out speaks the same language.
      if (patch.locale) await rememberLocale(patch.locale);
      revalidatePath("/", "layout");
      return { ok: true as const };
    },
  );
  return result.ok ? result : { ok: false };
}

export async function pickSignInLocaleAction(input: unknown): Promise<PreferenceResult> {
  const locale = z.enum(LOCALES).safeParse(input);
  if (!locale.success) return { ok: false };
  await rememberLocale(locale.data);
  revalidatePath("/signin");
  return { ok: true };
}
