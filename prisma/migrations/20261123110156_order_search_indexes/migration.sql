-- CreateIndex
CREATE INDEX "orders_order_number_pattern_idx" ON "orders"("order_number" text_pattern_ops);

-- CreateIndex
CREATE INDEX "orders_reference_number_pattern_idx" ON "orders"("reference_number" text_pattern_ops);

-- CreateIndex
CREATE INDEX "orders_points_updated_at_id_idx" ON "orders"("points_updated_at", "id");

-- CreateIndex
CREATE INDEX "orders_total_price_id_idx" ON "orders"("total_price", "id");

-- CreateIndex
CREATE INDEX "orders_order_status_points_updated_at_id_idx" ON "orders"("order_status", "points_updated_at", "id");
