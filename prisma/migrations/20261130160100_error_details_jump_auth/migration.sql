-- AlterTable
ALTER TABLE "Host" ADD COLUMN "jumpAuthMethod" TEXT;
ALTER TABLE "Host" ADD COLUMN "jumpIdentityFile" TEXT;

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN "errorDetails" TEXT;
