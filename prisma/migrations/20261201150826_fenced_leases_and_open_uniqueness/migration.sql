-- AlterTable
ALTER TABLE "reconcile_runs" ADD COLUMN     "lease_token" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "smoke_runs" ADD COLUMN     "locked_until" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "lease_token" BIGINT NOT NULL DEFAULT 0;

-- Rows that broke these rules before they were constraints (a stalled holder's
-- writes, issue 14) are folded away first, keeping the oldest of each.
DELETE FROM "reconcile_differences" d
 USING "reconcile_differences" k
 WHERE d.status = 'open' AND k.status = 'open' AND d.run_id = k.run_id AND d.order_uuid = k.order_uuid
   AND d.field = k.field AND d.id > k.id;
UPDATE "alerts" a SET state = 'resolved', resolved_at = now()
 WHERE a.state = 'firing' AND EXISTS (SELECT 1 FROM "alerts" k WHERE k.state = 'firing' AND k.rule = a.rule AND k.id < a.id);
UPDATE "reconcile_runs" r SET status = 'failed', finished_at = now(), last_error = 'superseded by a newer running run'
 WHERE r.status = 'running' AND EXISTS (SELECT 1 FROM "reconcile_runs" k WHERE k.status = 'running' AND k.started_at > r.started_at);
UPDATE "smoke_runs" r SET status = 'failed', finished_at = now()
 WHERE r.status = 'running' AND EXISTS (SELECT 1 FROM "smoke_runs" k WHERE k.status = 'running' AND k.started_at > r.started_at);

-- CreateIndex
CREATE UNIQUE INDEX "alerts_one_firing_key" ON "alerts"("rule") WHERE (state = 'firing');

-- CreateIndex
CREATE UNIQUE INDEX "reconcile_differences_open_key" ON "reconcile_differences"("run_id", "order_uuid", "field") WHERE (status = 'open');

-- CreateIndex
CREATE UNIQUE INDEX "reconcile_runs_one_running_key" ON "reconcile_runs"("status") WHERE (status = 'running');

-- CreateIndex
CREATE UNIQUE INDEX "smoke_runs_one_running_key" ON "smoke_runs"("status") WHERE (status = 'running');
