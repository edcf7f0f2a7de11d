-- CreateIndex
CREATE INDEX "orders_order_number_prefix_idx" ON "orders" USING SPGIST ("order_number");

-- CreateIndex
CREATE INDEX "orders_reference_number_prefix_idx" ON "orders" USING SPGIST ("reference_number");

-- CreateIndex
CREATE INDEX "orders_total_price_id_idx" ON "orders"("total_price", "id");

-- CreateIndex
CREATE INDEX "orders_order_status_shipping_status_type_idx" ON "orders"("order_status", "shipping_status", "type");
