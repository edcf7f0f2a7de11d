-- CreateEnum
CREATE TYPE "ReconcileRunStatus" AS ENUM ('running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "ReconcileTrigger" AS ENUM ('cron', 'cli', 'manual');

-- CreateTable
CREATE TABLE "reconcile_runs" (
    "id" UUID NOT NULL,
    "status" "ReconcileRunStatus" NOT NULL DEFAULT 'running',
    "trigger" "ReconcileTrigger" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "cursor" UUID,
    "planned" INTEGER NOT NULL DEFAULT 0,
    "checked" INTEGER NOT NULL DEFAULT 0,
    "differing" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "reconcile_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconcile_differences" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "order_uuid" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "ours" JSONB,
    "theirs" JSONB,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconcile_differences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reconcile_runs_status_started_at_idx" ON "reconcile_runs"("status", "started_at");

-- CreateIndex
CREATE INDEX "reconcile_differences_status_field_idx" ON "reconcile_differences"("status", "field");

-- CreateIndex
CREATE INDEX "reconcile_differences_order_uuid_idx" ON "reconcile_differences"("order_uuid");

-- CreateIndex
CREATE INDEX "reconcile_differences_run_id_idx" ON "reconcile_differences"("run_id");

-- AddForeignKey
ALTER TABLE "reconcile_differences" ADD CONSTRAINT "reconcile_differences_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "reconcile_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
