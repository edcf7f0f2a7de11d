-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('firing', 'resolved');

-- CreateEnum
CREATE TYPE "SmokeStatus" AS ENUM ('running', 'passed', 'failed');

-- CreateTable
CREATE TABLE "app_settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "receiver_failures" (
    "id" BIGSERIAL NOT NULL,
    "status" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "receiver_failures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "rule" TEXT NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'firing',
    "severity" TEXT NOT NULL DEFAULT 'warning',
    "summary" TEXT NOT NULL,
    "detail" JSONB,
    "fired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "notified_at" TIMESTAMPTZ(3),
    "notify_error" TEXT,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "go_live_signoffs" (
    "item" TEXT NOT NULL,
    "checked_by_id" UUID,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "go_live_signoffs_pkey" PRIMARY KEY ("item")
);

-- CreateTable
CREATE TABLE "smoke_runs" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status" "SmokeStatus" NOT NULL DEFAULT 'running',
    "started_by_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "smoke_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "smoke_steps" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "flow" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "detail" TEXT,
    "duration_ms" DOUBLE PRECISION,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "smoke_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lifecycle_flags" (
    "id" BIGSERIAL NOT NULL,
    "order_uuid" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "detail" JSONB,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "lifecycle_flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoint_secrets" (
    "endpoint_uuid" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoint_secrets_pkey" PRIMARY KEY ("endpoint_uuid")
);

-- CreateIndex
CREATE INDEX "receiver_failures_occurred_at_idx" ON "receiver_failures"("occurred_at");

-- CreateIndex
CREATE INDEX "alerts_state_rule_idx" ON "alerts"("state", "rule");

-- CreateIndex
CREATE INDEX "alerts_fired_at_idx" ON "alerts"("fired_at");

-- CreateIndex
CREATE INDEX "smoke_runs_started_at_idx" ON "smoke_runs"("started_at");

-- CreateIndex
CREATE UNIQUE INDEX "smoke_steps_run_id_flow_key" ON "smoke_steps"("run_id", "flow");

-- CreateIndex
CREATE INDEX "lifecycle_flags_status_rule_idx" ON "lifecycle_flags"("status", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "lifecycle_flags_order_uuid_rule_key" ON "lifecycle_flags"("order_uuid", "rule");

-- AddForeignKey
ALTER TABLE "smoke_steps" ADD CONSTRAINT "smoke_steps_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "smoke_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
