-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN "view" BLOB;
