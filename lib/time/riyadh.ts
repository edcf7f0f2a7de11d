// The dashboard's one clock: Riyadh time, UTC+3 all year (Saudi Arabia keeps no
// daylight saving). Filters typed without an offset, days picked in a form and
// times shown or exported all mean Riyadh time. Also the bounds of a time a
// filter may name: what JavaScript and PostgreSQL's timestamptz both hold
// (years 1 to 9999), so a year 0000 or 10000 is a clear refusal, never a
// database error. No Prisma or Node here: filter forms in the browser use it.
export const RIYADH_TIME_ZONE = "Asia/Riyadh";
export const RIYADH_OFFSET = "+03:00";
const RIYADH_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

/** A wall-clock time without an offset, as the filter bar's time field (formerly datetime-local) sends it. */
export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A typed time as an instant: without an offset it is Riyadh wall-clock time. */
export function toInstant(value: string): Date {
  return new Date(LOCAL_TIME.test(value) ? `${value}${RIYADH_OFFSET}` : value);
}

/** An instant as the filter bar's time field shows it: Riyadh wall-clock time. */
export function toLocalTime(value: string): string {
  if (LOCAL_TIME.test(value)) return value;
  return new Date(toInstant(value).getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 19);
}

/** Riyadh wall-clock time with its offset, as the page shows it but unambiguous (CSV exports). */
export function riyadhIso(value: Date | string): string {
  return `${new Date(new Date(value).getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 23)}${RIYADH_OFFSET}`;
}

/** A picked day (YYYY-MM-DD) is a Riyadh day: its first instant, and the first instant of the next. */
export const riyadhDayStart = (day: string) => new Date(`${day}T00:00:00${RIYADH_OFFSET}`);
export const riyadhDayEnd = (day: string) => new Date(riyadhDayStart(day).getTime() + DAY_MS);

// Date.UTC maps years 0-99 to 1900-1999, hence setUTCFullYear.
const EARLIEST = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An instant a filter may name: a real date between the years 1 and 9999. */
export function isStorableInstant(date: Date): boolean {
  const ms = date.getTime();
  return !Number.isNaN(ms) && ms >= EARLIEST && ms <= LATEST;
}
