-- AlterTable
ALTER TABLE "Host" ADD COLUMN "container" TEXT;
ALTER TABLE "Host" ADD COLUMN "engine" TEXT;
