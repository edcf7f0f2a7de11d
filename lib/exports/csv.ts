// CSV as the exports write it (RFC 4180: CRLF line ends, fields quoted when
// needed). Cells hold text anyone could type (a sign-in email, an order
// number, a note), and the file is meant to be opened in a spreadsheet, so
// cells that a spreadsheet would run as a formula are defused (OWASP "CSV injection").
import { riyadhIso } from "@/lib/time/riyadh";

// Tab and carriage return start formulas in some spreadsheets too, so OWASP lists them beside = + - @.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

// Without a byte order mark Excel reads the file in the local code page and garbles Arabic.
export const BOM = "\uFEFF";

export type Cell = string | number | null;

export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  const value = String(cell);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** `points-ops-<list>-<Riyadh date>.csv` */
export const csvFilename = (stem: string, now: Date) => `points-ops-${stem}-${riyadhIso(now).slice(0, 10)}.csv`;
