// A filter's day or Riyadh wall-clock time as the parts a person types (day,
// month, year; hour, minute, second), and back to the exact value the URL has
// always carried: `YYYY-MM-DD` for a day, and for a time what
// `<input type="datetime-local" step="1">` sent (`YYYY-MM-DDTHH:MM`, with
// `:SS` only when the seconds are not zero). The parts are kept in Latin
// digits; a person may type Arabic-Indic ones. No React here: the date field
// (components/lists/date-field.tsx) draws these.
import type { DigitsPreference } from "@/lib/i18n/locales";
import { toLocalTime } from "./riyadh";

export type DateKind = "day" | "time";
export const PART_NAMES = ["day", "month", "year", "hour", "minute", "second"] as const;
export type PartName = (typeof PART_NAMES)[number];
export type DateParts = Record<PartName, string>;

/** The parts a kind shows, in the order a person types them (day first). */
export const PARTS_OF: Record<DateKind, readonly PartName[]> = {
  day: ["day", "month", "year"],
  time: ["day", "month", "year", "hour", "minute", "second"],
};

/** How many digits a part holds, and the values it may take (the day's real bound depends on month and year). */
export const PART_RANGE: Record<PartName, { digits: number; min: number; max: number }> = {
  day: { digits: 2, min: 1, max: 31 },
  month: { digits: 2, min: 1, max: 12 },
  year: { digits: 4, min: 1, max: 9999 },
  hour: { digits: 2, min: 0, max: 23 },
  minute: { digits: 2, min: 0, max: 59 },
  second: { digits: 2, min: 0, max: 59 },
};

export const EMPTY_PARTS: DateParts = { day: "", month: "", year: "", hour: "", minute: "", second: "" };

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0; // Persian/Urdu keyboards

/** Arabic-Indic (and extended Arabic-Indic) digits as Latin ones; other characters unchanged. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO));
  });
}

/** Latin digits shown in the reader's digits. */
export function toShownDigits(text: string, digits: DigitsPreference): string {
  if (digits === "latn") return text;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(d)));
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A URL value as parts; a value of another shape (already refused by the page) shows as empty parts. */
export function splitValue(value: string, kind: DateKind): DateParts {
  const match = (kind === "day" ? DAY : TIME).exec(value);
  if (!match) return EMPTY_PARTS;
  const [, year = "", month = "", day = "", hour = "", minute = "", second = ""] = match;
  return { day, month, year, hour, minute, second: kind === "time" ? second || "00" : "" };
}

export type JoinResult = { ok: true; value: string } | { ok: false; part: PartName; problem: "missing" | "invalid" };

const pad = (part: string, digits: number) => part.padStart(digits, "0");

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last of this one; setUTCFullYear keeps years 1-99 as they are.
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * The parts as the URL value: "" when all are blank (no filter), else the
 * value, or the first part that is missing or out of range. Seconds may be
 * left blank (zero); the year needs all four digits.
 */
export function joinParts(parts: DateParts, kind: DateKind): JoinResult {
  const names = PARTS_OF[kind];
  if (names.every((name) => parts[name] === "")) return { ok: true, value: "" };
  for (const name of names) {
    const text = parts[name];
    if (text === "") {
      if (name === "second") continue;
      return { ok: false, part: name, problem: "missing" };
    }
    const range = PART_RANGE[name];
    const n = Number(text);
    const fullYear = name !== "year" || text.length === range.digits;
    if (!/^\d+$/.test(text) || !fullYear || n < range.min || n > range.max)
      return { ok: false, part: name, problem: "invalid" };
  }
  if (Number(parts.day) > daysInMonth(Number(parts.year), Number(parts.month)))
    return { ok: false, part: "day", problem: "invalid" };
  const day = `${parts.year}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
  if (kind === "day") return { ok: true, value: day };
  const seconds = Number(parts.second || "0") === 0 ? "" : `:${pad(parts.second, 2)}`;
  return { ok: true, value: `${day}T${pad(parts.hour, 2)}:${pad(parts.minute, 2)}${seconds}` };
}

/**
 * What a person typed into one part: digits only (Arabic-Indic read as
 * Latin), at most the part's width; `advance` when the part is complete, or
 * when a separator was typed after a digit, or when the first digit can only
 * be a one-digit value (a 4 as a day is the 4th: no day 40 exists).
 */
export function typePart(name: PartName, typed: string): { text: string; advance: boolean } {
  const latin = toLatinDigits(typed);
  const range = PART_RANGE[name];
  const text = latin.replace(/\D/g, "").slice(0, range.digits);
  if (text === "") return { text, advance: false };
  const separated = /\D/.test(latin);
  if (text.length === range.digits) return { text, advance: true };
  if (separated) return { text: name === "year" ? text : pad(text, range.digits), advance: true };
  if (name !== "year" && Number(text) * 10 > range.max) return { text: pad(text, range.digits), advance: true };
  return { text, advance: false };
}

/** One step up or down (arrow keys), wrapping within the part's range; an empty part starts at `start`. */
export function stepPart(name: PartName, text: string, step: 1 | -1, start = PART_RANGE[name].min): string {
  const range = PART_RANGE[name];
  const current = text === "" ? null : Number(text);
  let next: number;
  if (current === null || Number.isNaN(current)) next = start;
  else if (name === "year") next = Math.min(range.max, Math.max(range.min, current + step));
  else {
    const span = range.max - range.min + 1;
    next = ((((current - range.min + step) % span) + span) % span) + range.min;
  }
  return pad(String(next), range.digits);
}

/** The year it is in Riyadh now: where the arrow keys start an empty year. */
export const riyadhYearNow = () => Number(toLocalTime(new Date().toISOString()).slice(0, 4));
