-- AlterTable
ALTER TABLE "Host" ADD COLUMN "jumpChain" TEXT;

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN "criticalFindingIds" TEXT;
