// Dates, numbers and amounts as each user wants them: always Riyadh time,
// Gregorian and/or Hijri (Umm al-Qura), Latin or Arabic-Indic digits. Pure
// functions over Intl, used by server and client components alike.
import type { CalendarPreference, DigitsPreference, Locale } from "./locales";

export const TIME_ZONE = "Asia/Riyadh";

export interface FormatOptions {
  locale: Locale;
  calendar: CalendarPreference;
  digits: DigitsPreference;
}

// en-GB reads "1 Dec 2026", unambiguous for a Saudi team; ar-SA is the Arabic of the market.
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", ar: "ar-SA" };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

function dateFormat(o: FormatOptions, calendar: "gregory" | "islamic-umalqura", parts: "date" | "time" | "both") {
  return cached(`d|${o.locale}|${calendar}|${o.digits}|${parts}`, () => {
    const date: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
    const time: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    return new Intl.DateTimeFormat(INTL_LOCALE[o.locale], {
      timeZone: TIME_ZONE,
      calendar,
      numberingSystem: o.digits,
      ...(parts !== "time" ? date : {}),
      ...(parts !== "date" ? time : {}),
    });
  });
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** The calendar date alone: Gregorian, Hijri, or "Gregorian / Hijri". */
export function formatDate(value: Date | string | number, o: FormatOptions): string {
  const date = toDate(value);
  if (o.calendar === "both")
    return `${dateFormat(o, "gregory", "date").format(date)} / ${dateFormat(o, "islamic-umalqura", "date").format(date)}`;
  return dateFormat(o, o.calendar, "date").format(date);
}

export function formatTime(value: Date | string | number, o: FormatOptions): string {
  return dateFormat(o, "gregory", "time").format(toDate(value));
}

/**
 * Date and time in Riyadh, with the zone named by zoneLabel (from the message
 * catalogue, e.g. "Riyadh"), so nobody has to guess whose clock it is.
 */
export function formatDateTime(value: Date | string | number, o: FormatOptions, zoneLabel: string): string {
  return `${formatDate(value, o)} ${formatTime(value, o)} (${zoneLabel})`;
}

export function formatNumber(value: number, o: Pick<FormatOptions, "locale" | "digits">): string {
  return cached(
    `n|${o.locale}|${o.digits}`,
    () => new Intl.NumberFormat(INTL_LOCALE[o.locale], { numberingSystem: o.digits }),
  ).format(value);
}

export function formatSar(
  amount: number | string | { toString(): string },
  o: Pick<FormatOptions, "locale" | "digits">,
): string {
  return cached(
    `s|${o.locale}|${o.digits}`,
    () =>
      new Intl.NumberFormat(INTL_LOCALE[o.locale], {
        style: "currency",
        currency: "SAR",
        minimumFractionDigits: 2,
        numberingSystem: o.digits,
      }),
  ).format(Number(amount.toString()));
}

/** Midnight today in Riyadh (UTC+3 all year, no daylight saving), as an instant. */
export function riyadhMidnight(now: Date): Date {
  const riyadh = new Date(now.getTime() + 3 * 3_600_000);
  return new Date(Date.UTC(riyadh.getUTCFullYear(), riyadh.getUTCMonth(), riyadh.getUTCDate()) - 3 * 3_600_000);
}

export type DisplayFormat = ReturnType<typeof displayFormat>;

/** The formatters bound to one user's preferences, as server and client components use them. */
export function displayFormat(o: FormatOptions, zoneLabel: string) {
  return {
    date: (value: Date | string | number) => formatDate(value, o),
    time: (value: Date | string | number) => formatTime(value, o),
    dateTime: (value: Date | string | number) => formatDateTime(value, o, zoneLabel),
    number: (value: number) => formatNumber(value, o),
    sar: (amount: number | string | { toString(): string }) => formatSar(amount, o),
  };
}
