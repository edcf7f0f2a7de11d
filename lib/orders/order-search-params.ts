// The order list's search, filters, sort and page position as they live in the
// URL, so a view can be shared. One schema for the page, the CSV export and the benchmark.
// No Prisma or Node here: the search form imports the option lists.
import { z } from "zod";
import { CURSOR_TIME, decodeCursor } from "@/lib/db/keyset-page";
import {
  amountField,
  blankAsAbsent,
  choiceField,
  dayField,
  defineListFilter,
  FILTER_SAYS,
  parseUrlQuery,
  requiredChoiceField,
  searchField,
  type ParseResult,
} from "@/lib/http/url-query";

export const ORDER_STATUSES = [
  "new",
  "authorized",
  "captured",
  "approved",
  "partially_refunded",
  "fully_refunded",
  "cancelled",
] as const;
// "none": no shipping update has arrived for the order yet.
export const SHIPPING_FILTERS = [
  "new",
  "license_in_progress",
  "ready_shipping",
  "delivery_is_in_progress",
  "delivered",
  "cancelled",
  "none",
] as const;
export const ORDER_TYPES = ["earning", "replacing"] as const;
// "match": with a search term, the orders it names (uuid, phone) and then those whose number or reference starts
// with it, in that key's order, so an exact number comes first; without a term, newest first.
export const SORTS = [
  "match",
  "updated_desc",
  "updated_asc",
  "amount_desc",
  "amount_asc",
  "number_asc",
  "number_desc",
] as const;
export type OrderSort = (typeof SORTS)[number];
export const DEFAULT_SORT: OrderSort = "match";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a person pasted, as stored: surrounding spaces and a leading `#` (as on receipts) dropped. */
export function normalizeSearchTerm(q: string): string {
  return q.trim().replace(/^#+/, "").trim();
}

export const isUuid = (value: string) => UUID.test(value);

/** A page position: the sort value and id of the row the page continues from (lib/db/keyset-page.ts). */
export type Cursor = NonNullable<ReturnType<typeof decodeCursor>>;

// A cursor's value is compared with the sort column in SQL, so it must have that column's type
// (in "match" order a search key, any text; without a term that order is by time).
const cursorValueFits: Record<OrderSort, (value: string, hasTerm: boolean) => boolean> = {
  match: (v, hasTerm) => hasTerm || CURSOR_TIME.test(v),
  updated_desc: (v) => CURSOR_TIME.test(v),
  updated_asc: (v) => CURSOR_TIME.test(v),
  amount_desc: (v) => /^-?\d{1,10}(\.\d{1,2})?$/.test(v),
  amount_asc: (v) => /^-?\d{1,10}(\.\d{1,2})?$/.test(v),
  number_asc: () => true,
  number_desc: () => true,
};

/** A search box for an order's number (or reference, or uuid): what a person pasted, as stored. */
export const orderTermField = (max: number) => searchField(max, { wide: true, normalize: normalizeSearchTerm });

const POSITION_KEYS = ["after", "before"] as const;
const cursorParam = blankAsAbsent(z.string().max(400));

export const orderFilters = defineListFilter({
  path: "/orders",
  fields: {
    q: orderTermField(200),
    status: choiceField(ORDER_STATUSES, "is not an order status"),
    shipping: choiceField(SHIPPING_FILTERS, "is not a shipping status"),
    type: choiceField(ORDER_TYPES, "must be earning or replacing"),
    min: amountField(),
    max: amountField(),
    // a picked day is a Riyadh day
    from: dayField(),
    to: dayField(),
    sort: requiredChoiceField(SORTS, DEFAULT_SORT, "is not a sort order"),
  },
  position: { after: cursorParam, before: cursorParam },
  check(v, ctx) {
    if (v.min && v.max && Number(v.min) > Number(v.max))
      ctx.addIssue({ code: "custom", path: ["max"], message: FILTER_SAYS.maxBelowMin });
  },
});

export const SEARCH_KEYS = orderFilters.keys;

export const orderSearchSchema = orderFilters.querySchema
  .superRefine((v, ctx) => {
    for (const key of POSITION_KEYS) {
      const raw = v[key];
      if (raw === undefined) continue;
      const cursor = decodeCursor(raw);
      if (
        !cursor ||
        !UUID.test(cursor.id) ||
        cursor.value.length > 200 ||
        !cursorValueFits[v.sort](cursor.value, !!v.q)
      )
        ctx.addIssue({ code: "custom", path: [key], message: FILTER_SAYS.notAPositionForSort });
    }
  })
  .transform(({ after, before, q, ...rest }) => ({
    ...rest,
    // "#" alone or spaces alone search for nothing.
    q: q || undefined,
    after: after ? decodeCursor(after)! : undefined,
    before: !after && before ? decodeCursor(before)! : undefined,
  }));

export type OrderSearch = z.infer<typeof orderSearchSchema>;
export type OrderSearchInput = Partial<Record<(typeof SEARCH_KEYS)[number] | (typeof POSITION_KEYS)[number], string>>;

export function parseOrderSearch(params: URLSearchParams | OrderSearchInput): ParseResult<OrderSearch> {
  const query = params instanceof URLSearchParams ? params : new URLSearchParams(definedEntries(params));
  return parseUrlQuery(orderSearchSchema, [...SEARCH_KEYS, ...POSITION_KEYS], query);
}

const definedEntries = (input: OrderSearchInput) =>
  Object.entries(input).filter((e): e is [string, string] => e[1] !== undefined);

/** Search and filters (not the page position) as URL params, in a fixed order, without empty or default fields. */
export const searchToParams = orderFilters.toParams;

// The sort is a way of showing the list, not a filter.
export const isFiltered = (search: OrderSearch) => orderFilters.isFiltered({ ...search, sort: undefined });
