-- AlterTable
ALTER TABLE "Host" ADD COLUMN "entryPoints" TEXT;

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN "startupBlocked" INTEGER;
ALTER TABLE "Snapshot" ADD COLUMN "startupClosure" INTEGER;
ALTER TABLE "Snapshot" ADD COLUMN "startupFresh" INTEGER;
