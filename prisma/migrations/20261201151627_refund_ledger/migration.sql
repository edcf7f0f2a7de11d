-- CreateEnum
CREATE TYPE "RefundSource" AS ENUM ('points_ops', 'points');

-- CreateTable
CREATE TABLE "refund_ledger" (
    "id" UUID NOT NULL,
    "order_uuid" UUID NOT NULL,
    "source" "RefundSource" NOT NULL,
    "amount" DECIMAL(12,2),
    "reported_total" DECIMAL(12,2),
    "points_updated_at" TIMESTAMPTZ(3),
    "event" TEXT,
    "intent_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_ledger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refund_ledger_intent_id_key" ON "refund_ledger"("intent_id");

-- CreateIndex
CREATE INDEX "refund_ledger_order_uuid_recorded_at_idx" ON "refund_ledger"("order_uuid", "recorded_at");

-- CreateIndex
CREATE UNIQUE INDEX "refund_ledger_order_uuid_source_points_updated_at_key" ON "refund_ledger"("order_uuid", "source", "points_updated_at");

-- Orders already refunded: what Points showed so far (its figure when it sent one, else amount unknown).
INSERT INTO "refund_ledger" ("id", "order_uuid", "source", "reported_total", "points_updated_at")
SELECT gen_random_uuid(), "points_uuid", 'points', NULLIF("refunded_amount", 0), "points_updated_at"
  FROM "orders" WHERE "order_status" IN ('partially_refunded', 'fully_refunded');
