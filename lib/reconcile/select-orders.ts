// Which orders a run checks: every order still moving (not terminal, or changed
// at Points within the last `recentDays`), plus the day's seventh of the rest,
// picked by a stable hash of the uuid, so with nightly runs each order is
// looked at at least once a week. Keyset by points_uuid so a run can resume.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/prisma";
import type { OurOrder } from "./compare-order";

export const TERMINAL_STATUSES = ["cancelled", "fully_refunded"] as const;
export const DEFAULT_RECENT_DAYS = 7;

export interface Selection {
  /** The run's start: "recent" and the weekday are taken from it, so a resumed run keeps the same set. */
  asOf: Date;
  recentDays?: number;
}

/** 0–6; the same formula as SLICE_SQL, so tests and support can tell which night an order is due. */
export function sliceOf(uuid: string): number {
  return parseInt(createHash("md5").update(uuid.toLowerCase()).digest("hex").slice(0, 8), 16) % 7;
}

const SLICE_SQL = `(('x' || substr(md5(lower(points_uuid::text)), 1, 8))::bit(32)::bigint % 7)`;

function where(sel: Selection, firstParam: number): { sql: string; params: unknown[] } {
  const since = new Date(sel.asOf.getTime() - (sel.recentDays ?? DEFAULT_RECENT_DAYS) * 86_400_000);
  const p = firstParam;
  return {
    sql: `(order_status <> ALL($${p}::text[]) OR points_updated_at >= $${p + 1} OR ${SLICE_SQL} = $${p + 2})`,
    params: [[...TERMINAL_STATUSES], since, sel.asOf.getUTCDay()],
  };
}

type Reader = Pick<Db, "$queryRawUnsafe">;

export async function countSelected(db: Reader, sel: Selection): Promise<number> {
  const w = where(sel, 1);
  const rows = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
    `SELECT count(*) AS n FROM orders WHERE ${w.sql}`,
    ...w.params,
  );
  return Number(rows[0]?.n ?? 0);
}

const COLUMNS = `points_uuid::text AS "pointsUuid", order_number AS "orderNumber", reference_number AS "referenceNumber",
  order_status AS "orderStatus", payment_status AS "paymentStatus", total_price::text AS "totalPrice",
  total_points AS "totalPoints", shipping_status AS "shippingStatus",
  shipping_label_ar AS "shippingLabelAr", shipping_label_en AS "shippingLabelEn"`;

export async function readOrder(db: Reader, uuid: string): Promise<OurOrder | null> {
  const rows = await db.$queryRawUnsafe<OurOrder[]>(`SELECT ${COLUMNS} FROM orders WHERE points_uuid = $1::uuid`, uuid);
  return rows[0] ?? null;
}

/** The next `take` selected orders after `after` (a points_uuid), in uuid order. */
export async function selectOrders(
  db: Reader,
  sel: Selection,
  after: string | null,
  take: number,
): Promise<OurOrder[]> {
  const w = where(sel, 3);
  return db.$queryRawUnsafe<OurOrder[]>(
    `SELECT ${COLUMNS}
       FROM orders
      WHERE ($1::uuid IS NULL OR points_uuid > $1::uuid) AND ${w.sql}
      ORDER BY points_uuid
      LIMIT $2`,
    after,
    take,
    ...w.params,
  );
}
