// The reconciliation page's difference filters as they live in the URL. One
// schema for the list, the counts and the bulk actions, so "everything
// matching" means the same rows everywhere. No Prisma or Node here: the filter
// form imports the option lists.
import { z } from "zod";
import { blankAsAbsent, filterText, newestFirstPosition, paramsFrom, parseUrlQuery } from "@/lib/http/url-query";
import { isUuid, normalizeSearchTerm } from "@/lib/orders/order-search-params";

// The fields compare-order.ts reports; "order" when one side has no such order.
export const DIFFERENCE_FIELDS = [
  "order",
  "order_status",
  "payment_status",
  "total_price",
  "total_points",
  "reference_number",
  "shipping_status",
  "shipping_label_ar",
  "shipping_label_en",
] as const;
export const DIFFERENCE_KINDS = ["mismatch", "missing_at_points", "missing_here"] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];
export const DIFFERENCE_STATUSES = ["open", "healed", "explained"] as const;
// No status in the URL means the work list: open differences.
export const STATUS_FILTERS = [...DIFFERENCE_STATUSES, "all"] as const;

const filterShape = {
  field: blankAsAbsent(z.enum(DIFFERENCE_FIELDS, { error: "is not a compared field" })),
  kind: blankAsAbsent(z.enum(DIFFERENCE_KINDS, { error: "is not a kind of difference" })),
  status: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v : "open"),
    z.enum(STATUS_FILTERS, { error: "is not open, healed, explained or all" }),
  ),
  // an order number (a leading # as on receipts is dropped) or a Points order uuid
  q: blankAsAbsent(filterText(100).transform(normalizeSearchTerm)),
};

export const differenceFilterSchema = z.object(filterShape);
export const differenceQuerySchema = z.object({ ...filterShape, ...newestFirstPosition });

export type DifferenceFilter = z.infer<typeof differenceFilterSchema>;
export type DifferenceQuery = z.infer<typeof differenceQuerySchema>;

export const FILTER_KEYS = ["field", "kind", "status", "q"] as const;
const QUERY_KEYS = [...FILTER_KEYS, "older", "newer"] as const;

export const parseDifferenceFilter = (params: URLSearchParams) =>
  parseUrlQuery(differenceFilterSchema, FILTER_KEYS, params);
export const parseDifferenceQuery = (params: URLSearchParams) =>
  parseUrlQuery(differenceQuerySchema, QUERY_KEYS, params);

/** The filter as URL params; the default status (open) is left out. */
export function differenceFilterToParams(filter: DifferenceFilter): URLSearchParams {
  return paramsFrom({ ...filter, status: filter.status === "open" ? undefined : filter.status }, FILTER_KEYS);
}

/** `q` names an order by its Points uuid or by our order number. */
export function orderTarget(q: string): { uuid: string } | { orderNumber: string } {
  return isUuid(q) ? { uuid: q.toLowerCase() } : { orderNumber: q };
}
