-- AlterTable
ALTER TABLE "points_api_calls" ADD COLUMN     "error_notice" JSONB;
