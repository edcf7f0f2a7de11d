// What each list's CSV export holds: its columns, how a row becomes cells,
// how its rows are read (the page's own keyset reads, a batch at a time) and
// counted (for the progress a person sees). The filter is the page's own
// parser, so a download holds exactly the rows the page shows. The header
// labels come from the caller, in the user's language (messages: Exports).
import type { AuditAction } from "@/lib/audit/audit-actions";
import { auditWhere, listAuditEntries, type AuditRow } from "@/lib/audit/list-audit-entries";
import type { Db } from "@/lib/db/prisma";
import { decodeCursor } from "@/lib/db/keyset-page";
import type { ParseResult } from "@/lib/http/url-query";
import { LISTS, type ListName } from "@/lib/lists/list-registry";
import { countOrders, searchOrders, type OrderListRow } from "@/lib/orders/search-orders";
import { differenceWhere, listDifferences, type DifferenceRow } from "@/lib/reconcile/list-differences";
import { riyadhIso } from "@/lib/time/riyadh";
import { deliveryWhere, listDeliveries, type DeliveryRow } from "@/lib/webhooks/list-deliveries";
import type { Cell } from "./csv";
import { keysetBatches, openCsvStream } from "./csv-stream";

export const EXPORT_BATCH_SIZE = 1000;

export interface PreparedExport {
  open(db: Db, header: readonly string[], batchSize?: number): Promise<ReadableStream<Uint8Array>>;
  count(db: Db): Promise<number>;
}

export interface ListExport {
  /** Stable column ids: the keys of the header labels, and the English header itself. */
  columns: readonly string[];
  /** Who took a copy of which list is part of the audit trail. */
  auditAction: AuditAction;
  prepare(params: URLSearchParams): ParseResult<PreparedExport>;
}

function listExport<F, R>(spec: {
  columns: readonly string[];
  auditAction: AuditAction;
  parse: (params: URLSearchParams) => ParseResult<F>;
  page: (
    db: Db,
    filter: F,
    cursor: string | undefined,
    size: number,
  ) => Promise<{ rows: R[]; nextCursor: string | null }>;
  count: (db: Db, filter: F) => Promise<number>;
  cells: (row: R) => readonly Cell[];
}): ListExport {
  return {
    columns: spec.columns,
    auditAction: spec.auditAction,
    prepare(params) {
      const parsed = spec.parse(params);
      if (!parsed.ok) return parsed;
      const filter = parsed.value;
      return {
        ok: true,
        value: {
          open: (db, header, size = EXPORT_BATCH_SIZE) =>
            openCsvStream(
              header,
              keysetBatches((cursor) => spec.page(db, filter, cursor, size)),
              spec.cells,
            ),
          count: (db) => spec.count(db, filter),
        },
      };
    },
  };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const orderCells = (r: OrderListRow): readonly Cell[] => [
  r.orderNumber,
  r.referenceNumber,
  r.pointsUuid,
  r.type,
  r.orderStatus,
  r.shippingStatus,
  r.totalPrice,
  r.totalPoints,
  riyadhIso(r.pointsUpdatedAt),
];

export const deliveryCells = (r: DeliveryRow): readonly Cell[] => [
  r.id,
  riyadhIso(r.receivedAt),
  r.event,
  r.orderNumber,
  r.pointsOrderUuid,
  r.status,
  r.attempts,
  r.duplicateCount,
  r.ackLatencyMs,
];

export const differenceCells = (r: DifferenceRow): readonly Cell[] => [
  r.id,
  riyadhIso(r.createdAt),
  r.orderNumber,
  r.orderUuid,
  r.field,
  r.kind,
  r.status,
  json(r.ours),
  json(r.theirs),
  r.note,
  r.runId,
];

export const auditCells = (r: AuditRow): readonly Cell[] => [
  r.id,
  riyadhIso(r.createdAt),
  r.actor?.name ?? null,
  r.actor?.email ?? null,
  r.action,
  r.target,
  json(r.detail),
];

const parseOrders = (params: URLSearchParams) => {
  const parsed = LISTS.orders.filters.parseFilter(params);
  // "#" alone or spaces alone search for nothing, as on the page.
  return parsed.ok ? { ok: true as const, value: { ...parsed.value, q: parsed.value.q || undefined } } : parsed;
};

export const LIST_EXPORTS: Record<ListName, ListExport> = {
  orders: listExport({
    columns: [
      "order_number",
      "reference_number",
      "points_uuid",
      "type",
      "order_status",
      "shipping_status",
      "total_price_sar",
      "total_points",
      "updated_at_riyadh",
    ],
    auditAction: "order.export",
    parse: parseOrders,
    page: (db, filter, cursor, pageSize) =>
      searchOrders(
        db,
        { ...filter, after: cursor ? decodeCursor(cursor)! : undefined, before: undefined },
        { pageSize },
      ),
    count: (db, filter) => countOrders(db, { ...filter, after: undefined, before: undefined }),
    cells: orderCells,
  }),
  webhooks: listExport({
    columns: [
      "id",
      "received_at_riyadh",
      "event",
      "order_number",
      "points_order_uuid",
      "status",
      "attempts",
      "duplicates",
      "ack_latency_ms",
    ],
    auditAction: "webhook.export",
    parse: LISTS.webhooks.filters.parseFilter,
    page: (db, filter, older, size) => listDeliveries(db, { ...filter, older }, size),
    count: (db, filter) => db.webhookDelivery.count({ where: deliveryWhere(filter) }),
    cells: deliveryCells,
  }),
  reconciliation: listExport({
    columns: [
      "id",
      "found_at_riyadh",
      "order_number",
      "order_uuid",
      "field",
      "kind",
      "status",
      "ours",
      "theirs",
      "note",
      "run_id",
    ],
    auditAction: "reconcile.export",
    parse: LISTS.reconciliation.filters.parseFilter,
    page: (db, filter, older, size) => listDifferences(db, { ...filter, older }, size),
    count: async (db, filter) => db.reconcileDifference.count({ where: await differenceWhere(db, filter) }),
    cells: differenceCells,
  }),
  audit: listExport({
    columns: ["id", "time_riyadh", "actor_name", "actor_email", "action", "target", "detail"],
    auditAction: "audit.export",
    parse: LISTS.audit.filters.parseFilter,
    page: (db, filter, older, size) => listAuditEntries(db, { ...filter, older }, size),
    count: (db, filter) => db.auditLog.count({ where: auditWhere(filter) }),
    cells: auditCells,
  }),
};
