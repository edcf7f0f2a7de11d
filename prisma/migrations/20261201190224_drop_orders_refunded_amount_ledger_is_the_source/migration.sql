-- The refund ledger is the one source of refund figures. Before the column goes, a figure
-- Points reported that the ledger has none of (a partially refunded order whose ledger rows
-- carry no amount or total) is kept there, as Points' total at the order's last change.
INSERT INTO "refund_ledger" ("id", "order_uuid", "source", "reported_total", "points_updated_at")
SELECT gen_random_uuid(), o."points_uuid", 'points', o."refunded_amount", o."points_updated_at"
  FROM "orders" o
 WHERE o."refunded_amount" > 0
   AND o."order_status" = 'partially_refunded'
   AND NOT EXISTS (SELECT 1 FROM "refund_ledger" l
                    WHERE l."order_uuid" = o."points_uuid"
                      AND (l."amount" IS NOT NULL OR l."reported_total" IS NOT NULL))
ON CONFLICT ("order_uuid", "source", "points_updated_at") WHERE "source" = 'points'
DO UPDATE SET "reported_total" = EXCLUDED."reported_total";

-- AlterTable
ALTER TABLE "orders" DROP COLUMN "refunded_amount";
