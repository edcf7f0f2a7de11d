// Filters that live in a page's URL: one parse for the page, its routes and
// its bulk actions, so all of them select the same rows. An empty form field
// means "no filter"; a bad value is said in words a person can act on. No
// Prisma or Node here: filter forms in the browser use these too.
import { z } from "zod";
import { ActionRefusal } from "@/lib/result/action-result";
import { TIME_ID_CURSOR } from "@/lib/db/keyset-page";
import { isStorableInstant, LOCAL_TIME, riyadhDayStart, toInstant } from "@/lib/time/riyadh";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** An optional filter field; the empty string an untouched form field sends counts as absent. */
export const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

// NUL, or half of a surrogate pair without its other half.
// eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL text cannot store
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Free text in a filter: bounded, and free of what PostgreSQL text cannot hold
 * (NUL) or UTF-8 cannot encode (an unpaired surrogate), so it is refused here
 * with a reason instead of failing in the database.
 */
export const filterText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "is too long")
    .refine((v) => !UNSTORABLE.test(v), "contains a character that cannot be searched for");

const isoWithOffset = z.iso.datetime({ offset: true });

/** A time in a filter: Riyadh wall-clock time (a datetime-local field) or ISO 8601 with an offset, years 1 to 9999. */
export const filterInstant = z
  .string()
  .max(40, "must be a date and time")
  .refine(
    (v) => (LOCAL_TIME.test(v) || isoWithOffset.safeParse(v).success) && isStorableInstant(toInstant(v)),
    "must be a date and time",
  );

/** A day in a filter (a Riyadh day), years 1 to 9999. */
export const filterDay = z.iso
  .date({ error: "must be a day (YYYY-MM-DD)" })
  .refine((v) => isStorableInstant(riyadhDayStart(v)), "must be a day (YYYY-MM-DD)");

/** `from` not after `to`, for a schema's refine. */
export const timeRange: [(f: { from?: string; to?: string }) => boolean, { path: string[]; message: string }] = [
  (f) => !f.from || !f.to || toInstant(f.from) <= toInstant(f.to),
  { path: ["to"], message: "must not be before from" },
];

export function parseUrlQuery<T>(
  schema: z.ZodType<T>,
  keys: readonly string[],
  params: URLSearchParams,
): ParseResult<T> {
  const raw = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `The filter "${issue.path.join(".")}" ${issue.message}.` };
}

/** A filter as URL params, in the order of `keys` and without empty fields (also usable as a cache key). */
export function paramsFrom<K extends string>(
  filter: Partial<Record<K, string | undefined>>,
  keys: readonly K[],
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** A page's filter as a bulk action carries it: the page's own query string. */
export const filterQuery = z.string().max(2_000, "the filter is too long");

/** That query string read by the page's own parser, so the action selects what the page shows; a bad one is refused. */
export function parsedFilter<T>(parse: (params: URLSearchParams) => ParseResult<T>, query: string): T {
  const filter = parse(new URLSearchParams(query));
  if (!filter.ok) throw new ActionRefusal(filter.error);
  return filter.value;
}

/** A page position on a newest-first list (lib/db/keyset-page.ts). */
export const pagePosition = z.string().regex(TIME_ID_CURSOR, "is not a page position");

/** A newest-first list's `?older=` / `?newer=`, beside its filter. */
export const newestFirstPosition = { older: blankAsAbsent(pagePosition), newer: blankAsAbsent(pagePosition) };

/** One chunk of a bulk run: the page's filter, the moment it was confirmed, where the last chunk ended. */
export const bulkChunkFields = { filter: filterQuery, asOf: z.iso.datetime(), cursor: pagePosition.nullable() };
