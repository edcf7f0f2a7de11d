-- CreateEnum
CREATE TYPE "IntentKind" AS ENUM ('refund', 'cancel', 'shipping', 'complete', 'authorize', 'capture');

-- CreateEnum
CREATE TYPE "IntentStatus" AS ENUM ('pending_approval', 'rejected', 'sending', 'succeeded', 'failed', 'unknown');

-- CreateTable
CREATE TABLE "points_api_calls" (
    "id" BIGSERIAL NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error_kind" TEXT,
    "error_message" TEXT,
    "latency_ms" DOUBLE PRECISION NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "request_body" JSONB,
    "response_body" JSONB,
    "order_uuid" UUID,
    "intent_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_api_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_intents" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" "IntentKind" NOT NULL,
    "order_uuid" UUID NOT NULL,
    "params" JSONB NOT NULL,
    "status" "IntentStatus" NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "approved_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "result_message" TEXT,
    "awaiting_webhook" BOOLEAN NOT NULL DEFAULT false,
    "sent_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_intents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "points_api_calls_created_at_idx" ON "points_api_calls"("created_at");

-- CreateIndex
CREATE INDEX "points_api_calls_order_uuid_created_at_idx" ON "points_api_calls"("order_uuid", "created_at");

-- CreateIndex
CREATE INDEX "points_api_calls_status_created_at_idx" ON "points_api_calls"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "action_intents_idempotency_key_key" ON "action_intents"("idempotency_key");

-- CreateIndex
CREATE INDEX "action_intents_order_uuid_created_at_idx" ON "action_intents"("order_uuid", "created_at");

-- CreateIndex
CREATE INDEX "action_intents_status_created_at_idx" ON "action_intents"("status", "created_at");

-- CreateIndex
CREATE INDEX "action_intents_awaiting_webhook_sent_at_idx" ON "action_intents"("awaiting_webhook", "sent_at");
