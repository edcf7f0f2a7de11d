// Projects Points order snapshots (from webhooks or GET /orders/{uuid}) into
// our order store. Right whatever the arrival order: a snapshot older than the
// one already applied changes nothing, judged by Points' updated_at, separately
// for the financial fields and for the shipping fields (a late shipping event
// must not be lost behind a newer refund, nor overwrite a newer shipping status);
// on a tie of updated_at (whole-second timestamps) the later state of
// status-order.ts wins, in a batch and against the stored order alike; the
// refunded amount only grows. Every refund Points shows goes into the refund
// ledger (a refund event, or a status that turned refunded). Applying the same snapshots again changes
// nothing. Set-based: at most four statements per batch, and only those that can change something for
// it (a batch of webhooks without refunds or shipping, the usual one, is a single upsert).
import type { Client } from "@/lib/db/prisma";
import type { SqlClient } from "@/lib/db/sql-client";
import { FINANCIAL_STATUS_ORDER, SHIPPING_STATUS_ORDER } from "./status-order";
import { numberKey } from "./search-keys";

export interface OrderSnapshot {
  uuid: string;
  orderNumber: string;
  referenceNumber: string | null;
  type: "earning" | "replacing";
  orderStatus: string;
  paymentStatus: string | null;
  totalPrice: number;
  totalPoints: number;
  metadata: Record<string, unknown> | null;
  createdAt: string | null;
  updatedAt: string;
  /** Present only when the snapshot says something about shipping. */
  shipping?: { status: string | null; labelAr: string | null; labelEn: string | null };
  /** SAR refunded so far, when the source tells it. */
  refundedTotal?: number | null;
  /** Set when the snapshot comes with a refund event (webhook `refunded` / `auto_refunded`). */
  refundEvent?: "refunded" | "auto_refunded";
  /** SAR of this one refund, when the source tells it. */
  refundAmount?: number | null;
  /** Saudi mobile numbers (5XXXXXXXX) the order's data carries, for search (search-keys.ts). */
  phones?: string[];
  /** What only GET /orders/{uuid} tells (§3.1); absent for webhooks. */
  details?: { items: unknown[] | null; settlementStatus: string | null; date: string | null; time: string | null };
}

/** Prisma (the app's reads and actions) or node-postgres (the webhook queue, lib/db/sql-client.ts). */
type Target = Client | SqlClient;

const run = (db: Target, sql: string, ...params: unknown[]): Promise<unknown> =>
  "$executeRawUnsafe" in db ? db.$executeRawUnsafe(sql, ...params) : db.query(sql, params);

// The rows as jsonb_to_recordset reads them.
function toRecord(s: OrderSnapshot) {
  return {
    uuid: s.uuid,
    order_number: s.orderNumber,
    reference_number: s.referenceNumber,
    type: s.type,
    order_status: s.orderStatus,
    payment_status: s.paymentStatus,
    total_price: s.totalPrice,
    total_points: s.totalPoints,
    metadata: s.metadata,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    has_shipping: s.shipping !== undefined,
    shipping_status: s.shipping?.status ?? null,
    label_ar: s.shipping?.labelAr ?? null,
    label_en: s.shipping?.labelEn ?? null,
    reported_total: s.refundedTotal ?? null,
    refund_amount: s.refundAmount ?? null,
    refund_event: s.refundEvent ?? null,
    order_number_key: numberKey(s.orderNumber),
    reference_key: s.referenceNumber === null ? null : numberKey(s.referenceNumber),
    phones: s.phones ?? [],
    has_details: s.details !== undefined,
    items: s.details?.items ?? null,
    settlement_status: s.details?.settlementStatus ?? null,
    points_date: s.details?.date ?? null,
    points_time: s.details?.time ?? null,
  };
}

const RECORD = `x(uuid uuid, order_number text, reference_number text, type text, order_status text, payment_status text,
  total_price numeric, total_points int, metadata jsonb, created_at timestamptz, updated_at timestamptz,
  has_shipping boolean, shipping_status text, label_ar text, label_en text,
  reported_total numeric, refund_amount numeric, refund_event text,
  order_number_key text, reference_key text, phones text[], has_details boolean, items jsonb, settlement_status text,
  points_date text, points_time text)`;

const REFUNDED_STATUSES = ["partially_refunded", "fully_refunded"];
const REFUNDED = `(${REFUNDED_STATUSES.map((s) => `'${s}'`).join(", ")})`;

// A status's place in its order, in SQL ($2: the order as a text array); unknown ones after every known one.
const rank = (status: string) => `coalesce(array_position($2::text[], ${status}), cardinality($2::text[]) + 1)`;

export async function applyOrderSnapshots(db: Target, snapshots: OrderSnapshot[]): Promise<void> {
  if (snapshots.length === 0) return;
  const rows = JSON.stringify(snapshots.map(toRecord));
  const financial = [...FINANCIAL_STATUS_ORDER];
  const shipping = [...SHIPPING_STATUS_ORDER];

  // Refunds Points showed, before the order row moves on: a refund event, or a refunded
  // status over a row that was not refunded yet (a status alone carries no amount).
  if (snapshots.some((s) => s.refundEvent !== undefined || REFUNDED_STATUSES.includes(s.orderStatus)))
    await run(
      db,
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS ${RECORD}),
          seen AS (SELECT DISTINCT ON (i.uuid, i.updated_at) i.* FROM input i
                     LEFT JOIN orders o ON o.points_uuid = i.uuid
                    WHERE i.refund_event IS NOT NULL
                       OR (i.order_status IN ${REFUNDED} AND (o.id IS NULL
                           OR (o.order_status NOT IN ${REFUNDED} AND o.points_updated_at <= i.updated_at)))
                    ORDER BY i.uuid, i.updated_at, i.refund_event = 'auto_refunded' DESC NULLS LAST, i.refund_event IS NULL, i.refund_amount IS NULL)
     INSERT INTO refund_ledger (id, order_uuid, source, amount, reported_total, points_updated_at, event)
     SELECT gen_random_uuid(), uuid, 'points', refund_amount, reported_total, updated_at, refund_event FROM seen
     ON CONFLICT (order_uuid, source, points_updated_at) WHERE source = 'points' DO UPDATE SET
       amount = COALESCE(refund_ledger.amount, EXCLUDED.amount),
       -- two refunds in one whole second share the row: refunded totals only grow, so the larger holds
       reported_total = GREATEST(refund_ledger.reported_total, EXCLUDED.reported_total),
       -- Points' own reversal in the same (whole) second as a refund of ours must not be taken for ours
       event = CASE WHEN EXCLUDED.event = 'auto_refunded' THEN EXCLUDED.event
                    ELSE COALESCE(refund_ledger.event, EXCLUDED.event) END`,
      rows,
    );

  // Financial fields: the newest snapshot of each order, if newer than what we hold. The stored
  // time has milliseconds, so the comparison is made at that precision (EXCLUDED is rounded too).
  await run(
    db,
    `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS ${RECORD}),
          newest AS (SELECT DISTINCT ON (uuid) * FROM input ORDER BY uuid, updated_at DESC, ${rank("order_status")} DESC)
     INSERT INTO orders (id, points_uuid, order_number, reference_number, type, order_status, payment_status,
                         total_price, total_points, metadata, points_created_at, points_updated_at, updated_at,
                         order_number_key, reference_key, phones)
     SELECT gen_random_uuid(), uuid, order_number, reference_number, type::"OrderType", order_status, payment_status,
            total_price, total_points, metadata, created_at, updated_at, now(), order_number_key, reference_key, phones
       FROM newest
     ON CONFLICT (points_uuid) DO UPDATE SET
       order_number = EXCLUDED.order_number,
       reference_number = COALESCE(EXCLUDED.reference_number, orders.reference_number),
       order_number_key = EXCLUDED.order_number_key,
       reference_key = COALESCE(EXCLUDED.reference_key, orders.reference_key),
       -- a number once carried stays findable, whichever source (webhook or API) carried it
       phones = ARRAY(SELECT DISTINCT p FROM unnest(orders.phones || EXCLUDED.phones) AS p),
       type = EXCLUDED.type,
       order_status = EXCLUDED.order_status,
       payment_status = COALESCE(EXCLUDED.payment_status, orders.payment_status),
       total_price = EXCLUDED.total_price,
       total_points = EXCLUDED.total_points,
       metadata = EXCLUDED.metadata,
       points_created_at = COALESCE(orders.points_created_at, EXCLUDED.points_created_at),
       points_updated_at = EXCLUDED.points_updated_at,
       updated_at = now()
     WHERE (orders.points_updated_at, ${rank("orders.order_status")})
         < (EXCLUDED.points_updated_at, ${rank("EXCLUDED.order_status")})`,
    rows,
    financial,
  );

  // Shipping fields: the newest shipping snapshot of each order, if newer than the one that set them
  // (at the same instant, the later shipping state wins).
  if (snapshots.some((s) => s.shipping !== undefined))
    await run(
      db,
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS ${RECORD}),
          newest AS (SELECT DISTINCT ON (uuid) * FROM input WHERE has_shipping
                      ORDER BY uuid, updated_at DESC, ${rank("shipping_status")} DESC)
     UPDATE orders o
        SET shipping_status = COALESCE(n.shipping_status, o.shipping_status),
            -- A snapshot with one language's label only (a webhook's lone status_label) keeps the other
            -- language's label while the shipping state is unchanged: it is not news that the label is gone.
            shipping_label_ar = COALESCE(n.label_ar, CASE WHEN COALESCE(n.shipping_status, o.shipping_status) = o.shipping_status THEN o.shipping_label_ar END),
            shipping_label_en = COALESCE(n.label_en, CASE WHEN COALESCE(n.shipping_status, o.shipping_status) = o.shipping_status THEN o.shipping_label_en END),
            shipping_updated_at = n.updated_at, updated_at = now()
       FROM newest n
      WHERE o.points_uuid = n.uuid
        AND (o.shipping_updated_at IS NULL
             OR (o.shipping_updated_at, ${rank("o.shipping_status")})
                < (n.updated_at::timestamptz(3), ${rank("n.shipping_status")})
             -- the same instant and state (e.g. a new label): nothing orders them, so the later arrival wins
             OR (o.shipping_updated_at = n.updated_at::timestamptz(3)
                 AND ${rank("o.shipping_status")} = ${rank("n.shipping_status")}
                 AND (o.shipping_label_ar, o.shipping_label_en) IS DISTINCT FROM (n.label_ar, n.label_en)))`,
      rows,
      shipping,
    );

  // API-only details: a read of the same updated_at as the webhook we hold still brings them.
  if (snapshots.some((s) => s.details !== undefined))
    await run(
      db,
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS ${RECORD}),
          newest AS (SELECT DISTINCT ON (uuid) * FROM input WHERE has_details ORDER BY uuid, updated_at DESC)
     UPDATE orders o
        SET items = COALESCE(n.items, o.items), settlement_status = COALESCE(n.settlement_status, o.settlement_status),
            points_date = COALESCE(n.points_date, o.points_date), points_time = COALESCE(n.points_time, o.points_time),
            updated_at = now()
       FROM newest n
      WHERE o.points_uuid = n.uuid AND o.points_updated_at <= n.updated_at`,
      rows,
    );
}

export function applyOrderSnapshot(db: Target, snapshot: OrderSnapshot): Promise<void> {
  return applyOrderSnapshots(db, [snapshot]);
}
