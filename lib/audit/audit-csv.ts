// The audit log as CSV (RFC 4180: CRLF line ends, fields quoted when needed).
// Targets and details hold text anyone could type (a sign-in email, an order
// note), and the file is meant to be opened in a spreadsheet, so cells that a
// spreadsheet would run as a formula are defused (OWASP "CSV injection").
import { catalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { riyadhIso } from "@/lib/time/riyadh";
import type { AuditRow } from "./list-audit-entries";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "time_riyadh",
  "actor_name",
  "actor_email",
  "action",
  "target",
  "detail",
] as const;

// Tab and carriage return start formulas in some spreadsheets too, so OWASP lists them beside = + - @.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (cells: Array<string | null>) => `${cells.map(csvCell).join(",")}\r\n`;

export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.id,
    riyadhIso(row.createdAt),
    row.actor?.name ?? null,
    row.actor?.email ?? null,
    row.action,
    row.target,
    row.detail === null ? null : JSON.stringify(row.detail),
  ]);
}

/** The header row in the exporting admin's language (the columns stay in the same order in both). */
export const auditCsvHeader = (locale: Locale) => csvLine(AUDIT_CSV_COLUMNS.map((c) => catalogue(locale).Audit.csv[c]));

/** `points-ops-audit-<Riyadh date>.csv` */
export const auditCsvFilename = (now: Date) => `points-ops-audit-${riyadhIso(now).slice(0, 10)}.csv`;
