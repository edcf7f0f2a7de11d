// The order list's search, filters, sort and page position as they live in the
// URL, so a view can be shared. One schema for the page and the benchmark.
// No Prisma or Node here: the search form imports the option lists.
import { z } from "zod";
import { CURSOR_TIME, decodeCursor } from "@/lib/db/keyset-page";
import { blankAsAbsent as optional, filterDay, filterText } from "@/lib/http/url-query";

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

export const SEARCH_KEYS = ["q", "status", "shipping", "type", "min", "max", "from", "to", "sort"] as const;
const POSITION_KEYS = ["after", "before"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;

/** What a person pasted, as stored: surrounding spaces and a leading `#` (as on receipts) dropped. */
export function normalizeSearchTerm(q: string): string {
  return q.trim().replace(/^#+/, "").trim();
}

export const isUuid = (value: string) => UUID.test(value);

const amount = z.string().trim().regex(AMOUNT, "must be an amount in SAR, like 150 or 99.50");

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

const cursorParam = optional(z.string().max(400));

export const orderSearchSchema = z
  .object({
    q: optional(filterText(200).transform(normalizeSearchTerm)),
    status: optional(z.enum(ORDER_STATUSES, { error: "is not an order status" })),
    shipping: optional(z.enum(SHIPPING_FILTERS, { error: "is not a shipping status" })),
    type: optional(z.enum(ORDER_TYPES, { error: "must be earning or replacing" })),
    min: optional(amount),
    max: optional(amount),
    // a picked day is a Riyadh day
    from: optional(filterDay),
    to: optional(filterDay),
    sort: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(SORTS, { error: "is not a sort order" }).default(DEFAULT_SORT),
    ),
    after: cursorParam,
    before: cursorParam,
  })
  .superRefine((v, ctx) => {
    if (v.min && v.max && Number(v.min) > Number(v.max))
      ctx.addIssue({ code: "custom", path: ["max"], message: "must not be below min" });
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
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
        ctx.addIssue({ code: "custom", path: [key], message: "is not a page position for this sort" });
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

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseOrderSearch(params: URLSearchParams | OrderSearchInput): ParseResult<OrderSearch> {
  const get = (key: string) =>
    params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key as keyof OrderSearchInput];
  const raw = Object.fromEntries([...SEARCH_KEYS, ...POSITION_KEYS].map((k) => [k, get(k)]));
  const parsed = orderSearchSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `The filter "${issue.path.join(".")}" ${issue.message}.` };
}

/** Search and filters (not the page position) as URL params, in a fixed order, without empty or default fields. */
export function searchToParams(search: Partial<Omit<OrderSearch, "after" | "before">>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) {
    const value = search[key];
    if (value && !(key === "sort" && value === DEFAULT_SORT)) params.set(key, value);
  }
  return params;
}

export function isFiltered(search: OrderSearch): boolean {
  return SEARCH_KEYS.some((key) => key !== "sort" && search[key]);
}
