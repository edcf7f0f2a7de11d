// The UI languages and the per-user display preferences, as stored on the user
// row and as the browser offers them. No React or Next here, and no zod: the
// browser bundle of every page reads it (the form schema is preferences-patch.ts).

export const LOCALES = ["en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const CALENDARS = ["gregory", "islamic-umalqura", "both"] as const;
export type CalendarPreference = (typeof CALENDARS)[number];
export const DIGITS = ["latn", "arab"] as const;
export type DigitsPreference = (typeof DIGITS)[number];
export const THEMES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEMES)[number];

export interface DisplayPreferences {
  locale: Locale;
  calendar: CalendarPreference;
  digits: DigitsPreference;
  theme: ThemePreference;
}

export const DEFAULT_PREFERENCES: DisplayPreferences = {
  locale: DEFAULT_LOCALE,
  calendar: "gregory",
  digits: "latn",
  theme: "system",
};

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

export function direction(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

const LANGUAGE_RANGE = /^([a-z]{1,8})(?:-[a-z0-9]{1,8})*$/i;

/**
 * The first supported language of an Accept-Language header, by its q-values
 * ("ar-SA,ar;q=0.9,en;q=0.8" → "ar"); undefined when it names none of ours.
 */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: LANGUAGE_RANGE.exec(range.trim())?.[1]?.toLowerCase(), weight, index };
    })
    .filter((entry) => entry.language && Number.isFinite(entry.weight) && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}
