-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'unsupported';

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "raw_bytes" BYTEA;
