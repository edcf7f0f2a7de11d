// The reconciliation page's difference filters as they live in the URL. One
// schema for the list, the counts, the bulk actions and the CSV export, so
// "everything matching" means the same rows everywhere. No Prisma or Node
// here: the filter bar imports the option lists.
import { choiceField, defineListFilter, requiredChoiceField, type FilterOf, type QueryOf } from "@/lib/http/url-query";
import { isUuid, orderTermField } from "@/lib/orders/order-search-params";

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

export const differenceFilters = defineListFilter({
  path: "/reconciliation",
  fields: {
    // an order number (a leading # as on receipts is dropped) or a Points order uuid
    q: orderTermField(100),
    field: choiceField(DIFFERENCE_FIELDS, "is not a compared field"),
    kind: choiceField(DIFFERENCE_KINDS, "is not a kind of difference"),
    status: requiredChoiceField(STATUS_FILTERS, "open", "is not open, healed, explained or all"),
  },
});

// toParams leaves the default status (open) out.
export const {
  parseFilter: parseDifferenceFilter,
  parseQuery: parseDifferenceQuery,
  toParams: differenceFilterToParams,
} = differenceFilters;

export type DifferenceFilter = FilterOf<typeof differenceFilters>;
export type DifferenceQuery = QueryOf<typeof differenceFilters>;

/** `q` names an order by its Points uuid or by our order number. */
export function orderTarget(q: string): { uuid: string } | { orderNumber: string } {
  return isUuid(q) ? { uuid: q.toLowerCase() } : { orderNumber: q };
}
