// Bulk data for the benchmarks, generated in SQL (generate_series), 100,000 rows
// per statement. Order g (1…count) has a points_uuid derived from md5('order-' || g)
// (with RFC 4122 version and variant digits, as the app validates uuids), so
// other tables can point at orders without reading them back.
import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

const orderUuid = (n: string) =>
  `overlay(overlay(md5('order-' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;
const ORDER_UUID_G = Prisma.raw(orderUuid("g"));
const ORDER_UUID_O = Prisma.raw(orderUuid("o"));

const BATCH = 100_000;
// Reference numbers are a bijection of the row number mod this prime, so they are unique but unrelated to order numbers.
const PRIME = 1_000_003;
/** How many customers' mobiles the seeded orders carry (5 followed by 8 digits, the number mod this). */
export const CUSTOMERS = 200_000;

// One year of orders; order numbers grow with time like a real merchant's.
export async function seedOrders(db: Db, count: number, log: (line: string) => void = console.log) {
  const started = Date.now();
  // Building each index once over the whole table is several times faster than maintaining it row by row.
  const indexes = await db.$queryRaw<Array<{ name: string; definition: string }>>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = 'orders' AND indexname <> 'orders_pkey'`;
  for (const { name } of indexes) await db.$executeRawUnsafe(`DROP INDEX "${name}"`);
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.$executeRaw`
      WITH s AS (
        SELECT g, random() AS r_type, random() AS r_status, random() AS r_ship, random() AS r_amount, random() AS r_ref, random() AS r_lag,
               timestamptz '2025-06-01 00:00+03' + (g::float8 / ${count}) * interval '365 days' + random() * interval '2 hours' AS created
        FROM generate_series(${from}::int, ${to}::int) AS g
      ), o AS (
        SELECT s.*, CASE WHEN r_type < 0.4 THEN 'earning' ELSE 'replacing' END AS kind,
               round(exp(ln(5) + r_amount * ln(1000))::numeric, 2) AS price,
               'ORD-2026-' || lpad(g::text, 7, '0') AS number,
               CASE WHEN r_ref < 0.97 THEN 'REF-2026-' || lpad(((g::bigint * 7919) % ${PRIME})::text, 7, '0') END AS reference,
               -- a third of the orders carry a customer's mobile, one or two orders a customer
               CASE WHEN g % 3 = 0 THEN '5' || lpad(((g::bigint * 104729) % ${CUSTOMERS})::text, 8, '0') END AS phone
        FROM s
      )
      INSERT INTO orders (id, points_uuid, order_number, reference_number, order_number_key, reference_key, phones, type, order_status,
                          payment_status, total_price, total_points, shipping_status, shipping_label_en, shipping_updated_at, metadata,
                          points_created_at, points_updated_at, updated_at)
      SELECT gen_random_uuid(), ${ORDER_UUID_G}, number, reference, lower(number), lower(reference),
             CASE WHEN phone IS NULL THEN ARRAY[]::text[] ELSE ARRAY[phone] END,
             kind::"OrderType",
             CASE WHEN kind = 'earning' THEN
                    CASE WHEN r_status < 0.92 THEN 'approved' WHEN r_status < 0.95 THEN 'new' WHEN r_status < 0.97 THEN 'cancelled'
                         WHEN r_status < 0.98 THEN 'partially_refunded' ELSE 'fully_refunded' END
                  ELSE
                    CASE WHEN r_status < 0.55 THEN 'approved' WHEN r_status < 0.65 THEN 'captured' WHEN r_status < 0.68 THEN 'authorized'
                         WHEN r_status < 0.75 THEN 'new' WHEN r_status < 0.87 THEN 'cancelled' WHEN r_status < 0.92 THEN 'partially_refunded'
                         ELSE 'fully_refunded' END
             END,
             CASE WHEN r_lag < 0.9 THEN 'fully_paid' ELSE 'partially_paid' END,
             price, (price * 10)::int,
             ship.status, initcap(replace(ship.status, '_', ' ')), CASE WHEN ship.status IS NOT NULL THEN created + r_lag * interval '3 days' END,
             jsonb_build_object('channel', CASE WHEN r_lag < 0.6 THEN 'web' ELSE 'pos' END, 'customer_mobile', '0' || phone),
             created, created + r_lag * interval '3 days', now()
      FROM o, LATERAL (SELECT CASE
             WHEN kind = 'earning' OR r_ship < 0.30 THEN NULL WHEN r_ship < 0.70 THEN 'delivered' WHEN r_ship < 0.78 THEN 'delivery_is_in_progress'
             WHEN r_ship < 0.85 THEN 'ready_shipping' WHEN r_ship < 0.88 THEN 'license_in_progress' WHEN r_ship < 0.95 THEN 'new'
             ELSE 'cancelled' END AS status) AS ship`;
    const rate = Math.round(to / ((Date.now() - started) / 1000));
    log(
      `  seeded ${to.toLocaleString("en")} / ${count.toLocaleString("en")} orders (${rate.toLocaleString("en")} rows/s)`,
    );
  }
  log(`  building ${indexes.length} indexes …`);
  for (const { definition } of indexes) await db.$executeRawUnsafe(definition);
  log("  VACUUM ANALYZE …");
  await db.$executeRawUnsafe("VACUUM ANALYZE orders");
  log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * `count` processed webhook deliveries over the last 30 days, newest with the
 * highest id as the receiver stores them. Orders 1…`heavy` get `perHeavy` each
 * (a long order timeline); the rest go round the other orders.
 */
export async function seedDeliveries(db: Db, count: number, orders: number, heavy: number, perHeavy: number) {
  const started = Date.now();
  const heavyTotal = heavy * perHeavy;
  const rest = Math.max(1, orders - heavy);
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.$executeRaw`
      WITH s AS (
        SELECT g, CASE WHEN g <= ${heavyTotal} THEN 1 + (g - 1) / ${Math.max(1, perHeavy)}
                       ELSE ${heavy} + 1 + (g::bigint * 7919) % ${rest} END AS o,
               now() - interval '30 days' + (g::float8 / ${count}) * interval '30 days' AS at,
               (ARRAY['approved','captured','shipping_status_updated','refunded','cancelled'])[1 + g % 5] AS event
          FROM generate_series(${from}::int, ${to}::int) AS g
      )
      INSERT INTO webhook_deliveries (dedupe_key, event, points_order_uuid, order_number, points_updated_at, status,
                                      raw_body, headers, source_address, received_at, ack_latency_ms, attempts, processed_at)
      SELECT 'bench-' || g, event, ${ORDER_UUID_O}, 'ORD-2026-' || lpad(o::text, 7, '0'), at, 'processed',
             jsonb_build_object('event', event, 'timestamp', at,
               'order', jsonb_build_object('id', o, 'uuid', ${ORDER_UUID_O}, 'order_number', 'ORD-2026-' || lpad(o::text, 7, '0'),
                                           'order_status', 'approved', 'total_price', 100 + o % 900, 'updated_at', at))::text,
             '{"content-type": "application/json"}'::jsonb, '10.0.0.1', at, 2.5, 1, at
        FROM s`;
    const rate = Math.round(to / ((Date.now() - started) / 1000));
    console.log(
      `  seeded ${to.toLocaleString("en")} / ${count.toLocaleString("en")} deliveries (${rate.toLocaleString("en")} rows/s)`,
    );
  }
  await db.$executeRawUnsafe("VACUUM ANALYZE webhook_deliveries");
}
