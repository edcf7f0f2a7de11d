// Filters that live in a page's URL: one parse for the page, its routes, its
// bulk actions and its export, so all of them select the same rows. An empty
// form field means "no filter"; a bad value is said in words a person can act
// on. Every list declares its filter once, with defineListFilter: each field's
// schema beside how the filter bar offers it (components/lists/list-filters.tsx
// draws the bar from that data). No Prisma or Node here: the browser uses these too.
import { z } from "zod";
import { ActionRefusal } from "@/lib/result/action-result";
import { TIME_ID_CURSOR } from "@/lib/db/keyset-page";
import { isStorableInstant, LOCAL_TIME, riyadhDayStart, toInstant } from "@/lib/time/riyadh";

/**
 * A refused filter: `error` in English (API answers, logs) and the field and
 * problem, so a page says it in the reader's language (Filters.problems).
 */
export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; error: string; field: string; problem: FilterProblem };

/** What the filter schemas say about a bad value; one wording each, so each maps to its problem. */
export const FILTER_SAYS = {
  tooLong: "is too long",
  unsearchable: "contains a character that cannot be searched for",
  notATime: "must be a date and time",
  notADay: "must be a day (YYYY-MM-DD)",
  toBeforeFrom: "must not be before from",
  maxBelowMin: "must not be below min",
  notAnAmount: "must be an amount in SAR, like 150 or 99.50",
  notAPosition: "is not a page position",
  notAPositionForSort: "is not a page position for this sort",
} as const;
export type FilterProblem = keyof typeof FILTER_SAYS | "notAnOption" | "invalid";

function problemOf(issue: z.core.$ZodIssue): FilterProblem {
  // Every choice field is a z.enum: whatever its own words, the value is not one of the options.
  if (issue.code === "invalid_value") return "notAnOption";
  // A refinement names its problem when no wording of FILTER_SAYS fits it.
  if (issue.code === "custom" && typeof issue.params?.problem === "string")
    return issue.params.problem as FilterProblem;
  const found = Object.entries(FILTER_SAYS).find(([, says]) => says === issue.message);
  return found ? (found[0] as FilterProblem) : "invalid";
}

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
    .max(max, FILTER_SAYS.tooLong)
    .refine((v) => !UNSTORABLE.test(v), FILTER_SAYS.unsearchable);

const isoWithOffset = z.iso.datetime({ offset: true });

/** A time in a filter: Riyadh wall-clock time (the filter bar's time field) or ISO 8601 with an offset, years 1 to 9999. */
export const filterInstant = z
  .string()
  .max(40, FILTER_SAYS.notATime)
  .refine(
    (v) => (LOCAL_TIME.test(v) || isoWithOffset.safeParse(v).success) && isStorableInstant(toInstant(v)),
    FILTER_SAYS.notATime,
  );

/** A day in a filter (a Riyadh day), years 1 to 9999. */
export const filterDay = z.iso
  .date({ error: FILTER_SAYS.notADay })
  .refine((v) => isStorableInstant(riyadhDayStart(v)), FILTER_SAYS.notADay);

// `from` not after `to`, in every list that has them; days (YYYY-MM-DD) compare as days.
function checkTimeRange(f: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (typeof f.from === "string" && typeof f.to === "string" && f.from && f.to && toInstant(f.from) > toInstant(f.to))
    ctx.addIssue({ code: "custom", path: ["to"], message: FILTER_SAYS.toBeforeFrom });
}

export function parseUrlQuery<T>(
  schema: z.ZodType<T>,
  keys: readonly string[],
  params: URLSearchParams,
): ParseResult<T> {
  const raw = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".");
  return { ok: false, error: `The filter "${field}" ${issue.message}.`, field, problem: problemOf(issue) };
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
export const pagePosition = z.string().regex(TIME_ID_CURSOR, FILTER_SAYS.notAPosition);

/** A newest-first list's `?older=` / `?newer=`, beside its filter. */
export const newestFirstPosition = { older: blankAsAbsent(pagePosition), newer: blankAsAbsent(pagePosition) };

/** One chunk of a bulk run: the page's filter, the moment it was confirmed, where the last chunk ended. */
export const bulkChunkFields = { filter: filterQuery, asOf: z.iso.datetime(), cursor: pagePosition.nullable() };

/** How the filter bar offers a field; plain data, so it crosses from server to client components. */
export type FilterControl =
  | { kind: "search"; wide?: boolean }
  | {
      kind: "choice";
      groups: ReadonlyArray<{ name: string | null; options: readonly string[] }>;
      /** A first option that sends nothing (no filter); without it, `fallback` is what sends nothing. */
      all: boolean;
      fallback?: string;
    }
  | { kind: "time" }
  | { kind: "day" }
  | { kind: "amount" };

export interface FilterField<S extends z.ZodType = z.ZodType> {
  schema: S;
  control: FilterControl;
  /** The value a missing field means; left out of the URL. */
  default?: string;
}

/** Free text (a search box); `normalize` turns what a person typed into what is searched. */
export const searchField = (max: number, opts: { wide?: boolean; normalize?: (v: string) => string } = {}) => ({
  schema: blankAsAbsent(opts.normalize ? filterText(max).transform(opts.normalize) : filterText(max)),
  control: { kind: "search", wide: opts.wide } as FilterControl,
});

/** One of fixed options, or none (the bar's first option, "all"). */
export const choiceField = <const T extends readonly [string, ...string[]]>(options: T, error: string) => ({
  schema: blankAsAbsent(z.enum(options, { error })),
  control: { kind: "choice", groups: [{ name: null, options }], all: true } as FilterControl,
});

/** One of fixed options, always one: a missing field means `fallback`. */
export const requiredChoiceField = <const T extends readonly [string, ...string[]]>(
  options: T,
  fallback: T[number],
  error: string,
) => ({
  schema: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v : undefined),
    z.enum(options, { error }).default(fallback as never),
  ) as z.ZodType<T[number], unknown>,
  control: { kind: "choice", groups: [{ name: null, options }], all: false, fallback } as FilterControl,
  default: fallback,
});

/** A moment (Riyadh wall-clock time in the bar). */
export const timeField = () => ({ schema: blankAsAbsent(filterInstant), control: { kind: "time" } as FilterControl });

/** A Riyadh day. */
export const dayField = () => ({ schema: blankAsAbsent(filterDay), control: { kind: "day" } as FilterControl });

/** An amount in SAR. */
export const amountField = () => ({
  schema: blankAsAbsent(
    z
      .string()
      .trim()
      .regex(/^\d{1,10}(\.\d{1,2})?$/, FILTER_SAYS.notAnAmount),
  ),
  control: { kind: "amount" } as FilterControl,
});

type Shape<F extends Record<string, FilterField>> = { [K in keyof F]: F[K]["schema"] };

/**
 * A list's filter, declared once: its fields (schema and control), the URL
 * keys of its page position (a newest-first log's unless said), and checks
 * across fields; a `from` after its `to` is refused in every list. Gives the
 * parsers of the filter alone (bulk actions, exports) and with the position
 * (the page), the filter as URL params, and the controls the filter bar draws.
 */
export function defineListFilter<
  const F extends Record<string, FilterField>,
  const P extends Record<string, z.ZodType> = typeof newestFirstPosition,
>(list: {
  path: string;
  fields: F;
  position?: P;
  check?: (filter: z.infer<z.ZodObject<Shape<F>>>, ctx: z.RefinementCtx) => void;
}) {
  const position = (list.position ?? newestFirstPosition) as P;
  const shape = Object.fromEntries(Object.entries(list.fields).map(([k, f]) => [k, f.schema])) as Shape<F>;
  const keys = Object.keys(list.fields) as Array<keyof F & string>;
  const queryKeys = [...keys, ...Object.keys(position)];
  const check = (filter: z.infer<z.ZodObject<Shape<F>>>, ctx: z.RefinementCtx) => {
    checkTimeRange(filter as { from?: string; to?: string }, ctx);
    list.check?.(filter, ctx);
  };
  const filterSchema = z.object(shape).superRefine(check);
  const querySchema = z
    .object({ ...shape, ...position } as Shape<F> & P)
    .superRefine((v, ctx) => check(v as z.infer<z.ZodObject<Shape<F>>>, ctx));
  type Filter = z.infer<typeof filterSchema>;
  return {
    path: list.path,
    keys,
    filterSchema,
    querySchema,
    controls: keys.map((name) => ({ name, control: list.fields[name]!.control })),
    parseFilter: (params: URLSearchParams) => parseUrlQuery(filterSchema, keys, params),
    parseQuery: (params: URLSearchParams) => parseUrlQuery(querySchema, queryKeys, params),
    /** The filter as URL params, in a fixed order, without empty or default fields (also a cache key). */
    toParams(filter: Partial<Record<keyof F, unknown>>): URLSearchParams {
      const params = new URLSearchParams();
      for (const key of keys) {
        const value = filter[key];
        if (typeof value === "string" && value && value !== list.fields[key]!.default) params.set(key, value);
      }
      return params;
    },
    isFiltered: (filter: Partial<Filter>) =>
      keys.some((key) => {
        const value = (filter as Record<string, unknown>)[key];
        return value !== undefined && value !== "" && value !== list.fields[key]!.default;
      }),
  };
}

export type ListFilter = ReturnType<typeof defineListFilter>;
/** A list's filter, and its filter with the page position, as parsed. */
export type FilterOf<L extends { filterSchema: z.ZodType }> = z.infer<L["filterSchema"]>;
export type QueryOf<L extends { querySchema: z.ZodType }> = z.infer<L["querySchema"]>;

/** A time filter's from/to as the instants a query compares with (both ends included); undefined for none. */
export function instantRange(filter: { from?: string; to?: string }): { gte?: Date; lte?: Date } | undefined {
  if (!filter.from && !filter.to) return undefined;
  return { gte: filter.from ? toInstant(filter.from) : undefined, lte: filter.to ? toInstant(filter.to) : undefined };
}
/** The bar's data for one field. */
export type FilterControlOf = ListFilter["controls"][number];
