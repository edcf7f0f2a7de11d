-- AlterEnum
ALTER TYPE "IntentStatus" ADD VALUE 'expired';

-- DropIndex
DROP INDEX "orders_order_number_prefix_idx";

-- DropIndex
DROP INDEX "orders_reference_number_prefix_idx";

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "items" JSONB,
ADD COLUMN     "order_number_key" TEXT,
ADD COLUMN     "phones" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "points_date" TEXT,
ADD COLUMN     "points_time" TEXT,
ADD COLUMN     "reference_key" TEXT,
ADD COLUMN     "settlement_status" TEXT;

-- Backfill the search keys of the orders already stored, as lib/orders/search-keys.ts computes them
-- (numbers: no whitespace, no leading "#", lower case; phones: Saudi mobiles in metadata, as 5XXXXXXXX).
UPDATE "orders" SET
  "order_number_key" = lower(regexp_replace(regexp_replace("order_number", '\s', '', 'g'), '^#+', '')),
  "reference_key" = lower(regexp_replace(regexp_replace("reference_number", '\s', '', 'g'), '^#+', '')),
  "phones" = COALESCE((
    SELECT array_agg(DISTINCT m[1])
      FROM jsonb_path_query("metadata", 'strict $.**') AS v,
           regexp_match(regexp_replace(v #>> '{}', '[\s()-]', '', 'g'), '^(?:\+966|00966|966|0)?(5[0-9]{8})$') AS m
     WHERE jsonb_typeof(v) IN ('string', 'number') AND m IS NOT NULL
  ), ARRAY[]::TEXT[]);

ALTER TABLE "orders" ALTER COLUMN "order_number_key" SET NOT NULL;

-- CreateIndex
CREATE INDEX "orders_order_number_key_prefix_idx" ON "orders" USING SPGIST ("order_number_key");

-- CreateIndex
CREATE INDEX "orders_reference_key_prefix_idx" ON "orders" USING SPGIST ("reference_key");

-- CreateIndex
CREATE INDEX "orders_phones_idx" ON "orders" USING GIN ("phones");
