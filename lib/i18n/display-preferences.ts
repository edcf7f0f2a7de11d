// A user's language and display preferences on their row. The Prisma enum
// spells Umm al-Qura with an underscore; everything else uses Intl's name.
import type { Db } from "@/lib/db/prisma";
import type { CalendarPreference as DbCalendar } from "@/lib/generated/prisma/client";
import { DEFAULT_PREFERENCES, type CalendarPreference, type DisplayPreferences, type Locale } from "@/lib/i18n/locales";
import type { PreferencesPatch } from "@/lib/i18n/preferences-patch";

const toDbCalendar = (c: CalendarPreference): DbCalendar => (c === "islamic-umalqura" ? "islamic_umalqura" : c);
const fromDbCalendar = (c: DbCalendar): CalendarPreference => (c === "islamic_umalqura" ? "islamic-umalqura" : c);

/** The stored preferences; `locale` falls back to `fallbackLocale` until the user has one. */
export async function readPreferences(db: Db, userId: string, fallbackLocale: Locale): Promise<DisplayPreferences> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { locale: true, calendar: true, digits: true, theme: true },
  });
  if (!row) return { ...DEFAULT_PREFERENCES, locale: fallbackLocale };
  return {
    locale: row.locale ?? fallbackLocale,
    calendar: fromDbCalendar(row.calendar),
    digits: row.digits,
    theme: row.theme,
  };
}

export async function savePreferences(db: Db, userId: string, patch: PreferencesPatch): Promise<void> {
  const { calendar, ...rest } = patch;
  await db.user.update({
    where: { id: userId },
    data: { ...rest, ...(calendar ? { calendar: toDbCalendar(calendar) } : {}) },
  });
}

/** At sign-in: a user who never chose a language gets the browser's, once; a later choice is never overwritten. */
export async function adoptBrowserLocale(db: Db, userId: string, browser: Locale | undefined): Promise<void> {
  if (!browser) return;
  await db.user.updateMany({ where: { id: userId, locale: null }, data: { locale: browser } });
}
