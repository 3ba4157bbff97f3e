-- AlterTable
ALTER TABLE "Host" ADD COLUMN "serviceUser" TEXT;

-- CreateTable
CREATE TABLE "Observation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "configHash" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Observation_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Observation_hostId_createdAt_idx" ON "Observation"("hostId", "createdAt");
