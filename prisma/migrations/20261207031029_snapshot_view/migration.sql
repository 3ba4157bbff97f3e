-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN "view" TEXT;
