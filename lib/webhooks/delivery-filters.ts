// The delivery log's filters as they live in the URL, so a view can be shared
// and opened in a new tab. One schema for the page, the live stream and bulk
// replay, so that all three select exactly the same deliveries. No Prisma or
// Node here: the browser uses matchesFilter to decide which live rows to show.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/points/envelope";
import {
  blankAsAbsent as optional,
  filterInstant,
  filterText,
  newestFirstPosition,
  paramsFrom,
  parseUrlQuery,
  timeRange,
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

const filterShape = {
  event: optional(z.enum(WEBHOOK_EVENTS, { error: "is not a webhook event" })),
  status: optional(z.enum(STATUS_FILTERS, { error: "is not a delivery status" })),
  // an order_number, or a Points order uuid
  q: optional(filterText(100)),
  from: optional(filterInstant),
  to: optional(filterInstant),
};

export const deliveryFilterSchema = z.object(filterShape).refine(...timeRange);
export const deliveryQuerySchema = z.object({ ...filterShape, ...newestFirstPosition }).refine(...timeRange);

export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

const FILTER_KEYS = ["event", "status", "q", "from", "to"] as const;
const QUERY_KEYS = [...FILTER_KEYS, "older", "newer"] as const;

export const parseDeliveryFilter = (params: URLSearchParams) =>
  parseUrlQuery(deliveryFilterSchema, FILTER_KEYS, params);
export const parseDeliveryQuery = (params: URLSearchParams) => parseUrlQuery(deliveryQuerySchema, QUERY_KEYS, params);

/** Next hands pages their search params as a record. */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/** The filter as URL params, in a fixed order and without empty fields (also used as a cache key). */
export function filterToParams(filter: DeliveryFilter): URLSearchParams {
  return paramsFrom(filter, FILTER_KEYS);
}

export function isFiltered(filter: DeliveryFilter): boolean {
  return FILTER_KEYS.some((key) => filter[key]);
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
