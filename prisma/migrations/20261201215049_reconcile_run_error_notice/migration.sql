-- AlterTable
ALTER TABLE "reconcile_runs" ADD COLUMN     "last_error_notice" JSONB;
