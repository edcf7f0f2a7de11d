-- Order search answers prefixes from btree range scans in key order (LIMIT stops the scan after a page) instead of
-- SP-GiST lookups that return every match unordered. A btree answers `^@` (and LIKE 'p%') only under the "C"
-- collation; the keys are lower-cased ASCII-ish identifiers, so byte order is also the order people expect.
-- Prisma cannot declare a column collation, hence this hand-added step (a collation change of a text column
-- needs no table rewrite; the indexes on the columns are rebuilt below).

-- DropIndex
DROP INDEX "orders_order_number_key_prefix_idx";

-- DropIndex
DROP INDEX "orders_reference_key_prefix_idx";

ALTER TABLE "orders"
  ALTER COLUMN "order_number_key" SET DATA TYPE TEXT COLLATE "C",
  ALTER COLUMN "reference_key" SET DATA TYPE TEXT COLLATE "C";

-- CreateIndex
CREATE INDEX "orders_order_number_key_id_idx" ON "orders"("order_number_key", "id");

-- CreateIndex
CREATE INDEX "orders_reference_key_id_idx" ON "orders"("reference_key", "id");
