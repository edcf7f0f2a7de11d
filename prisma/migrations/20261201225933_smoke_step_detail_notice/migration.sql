-- AlterTable
ALTER TABLE "smoke_steps" ADD COLUMN     "detail_notice" JSONB;
