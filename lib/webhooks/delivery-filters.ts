// The delivery log's filters as they live in the URL, so a view can be shared
// and opened in a new tab. One schema for the page, the live stream, bulk
// replay and the CSV export, so that all of them select exactly the same
// deliveries. No Prisma or Node here: the browser uses matchesFilter to decide
// which live rows to show.
import { WEBHOOK_EVENTS } from "@/lib/points/envelope";
import {
  choiceField,
  defineListFilter,
  type FilterOf,
  type QueryOf,
  searchField,
  timeField,
} from "@/lib/http/url-query";
import { toInstant } from "@/lib/time/riyadh";

export const STATUS_FILTERS = [
  "processed",
  "pending",
  "processing",
  "failed",
  "dead",
  "rejected",
  "unsupported",
  "duplicate",
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const deliveryFilters = defineListFilter({
  path: "/webhooks",
  fields: {
    // an order_number, or a Points order uuid
    q: searchField(100, { wide: true }),
    event: choiceField(WEBHOOK_EVENTS, "is not a webhook event"),
    status: choiceField(STATUS_FILTERS, "is not a delivery status"),
    from: timeField(),
    to: timeField(),
  },
});

// toParams is also the live stream's cache key.
export const {
  parseFilter: parseDeliveryFilter,
  parseQuery: parseDeliveryQuery,
  toParams: filterToParams,
  isFiltered,
} = deliveryFilters;

export type DeliveryFilter = FilterOf<typeof deliveryFilters>;
export type DeliveryQuery = QueryOf<typeof deliveryFilters>;

/** Next hands pages their search params as a record. */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

export type Search = { orderNumber: string } | { pointsOrderUuid: string };

export function searchTarget(q: string): Search {
  return UUID.test(q) ? { pointsOrderUuid: q.toLowerCase() } : { orderNumber: q };
}

export interface FilterableRow {
  event: string | null;
  status: string;
  orderNumber: string | null;
  pointsOrderUuid: string | null;
  duplicateCount: number;
  receivedAt: string | Date;
}

/** The same selection as the SQL in list-deliveries.ts, for rows that arrive live. */
export function matchesFilter(row: FilterableRow, filter: DeliveryFilter): boolean {
  if (filter.event && row.event !== filter.event) return false;
  if (filter.status === "duplicate" ? row.duplicateCount === 0 : filter.status && row.status !== filter.status)
    return false;
  if (filter.q) {
    const target = searchTarget(filter.q);
    if (
      "orderNumber" in target
        ? row.orderNumber !== target.orderNumber
        : row.pointsOrderUuid?.toLowerCase() !== target.pointsOrderUuid
    )
      return false;
  }
  const received = new Date(row.receivedAt).getTime();
  if (filter.from && received < toInstant(filter.from).getTime()) return false;
  if (filter.to && received > toInstant(filter.to).getTime()) return false;
  return true;
}
