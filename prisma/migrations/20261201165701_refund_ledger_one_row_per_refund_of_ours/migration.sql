-- DropIndex
DROP INDEX "refund_ledger_order_uuid_source_points_updated_at_key";

-- CreateIndex
CREATE UNIQUE INDEX "refund_ledger_points_change_key" ON "refund_ledger"("order_uuid", "source", "points_updated_at") WHERE (source = 'points');
