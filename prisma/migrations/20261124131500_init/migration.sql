-- CreateTable
CREATE TABLE "Host" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "sshUser" TEXT,
    "sshHost" TEXT,
    "sshPort" INTEGER,
    "authMethod" TEXT,
    "identityFile" TEXT,
    "secretCipher" TEXT,
    "jumpUser" TEXT,
    "jumpHost" TEXT,
    "jumpPort" INTEGER,
    "hostKeySha256" TEXT,
    "jumpKeySha256" TEXT,
    "acceptNextHostKey" BOOLEAN NOT NULL DEFAULT false,
    "appRoots" TEXT NOT NULL,
    "serviceUnit" TEXT,
    "unitFile" TEXT,
    "python" TEXT,
    "measureStartup" BOOLEAN NOT NULL DEFAULT true,
    "maxFiles" INTEGER NOT NULL DEFAULT 300000,
    "timeoutSeconds" INTEGER NOT NULL DEFAULT 120,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "sources" INTEGER NOT NULL DEFAULT 0,
    "fresh" INTEGER NOT NULL DEFAULT 0,
    "stale" INTEGER NOT NULL DEFAULT 0,
    "missing" INTEGER NOT NULL DEFAULT 0,
    "interpreterVersion" TEXT,
    "serviceUser" TEXT,
    "configHash" TEXT,
    "criticalFindings" INTEGER NOT NULL DEFAULT 0,
    "warningFindings" INTEGER NOT NULL DEFAULT 0,
    "startupMs" REAL,
    "startupModules" INTEGER,
    "measurements" TEXT,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "blobSha256" TEXT,
    CONSTRAINT "Snapshot_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Snapshot_blobSha256_fkey" FOREIGN KEY ("blobSha256") REFERENCES "InventoryBlob" ("sha256") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InventoryBlob" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "rawBytes" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Host_name_key" ON "Host"("name");

-- CreateIndex
CREATE INDEX "Snapshot_hostId_takenAt_idx" ON "Snapshot"("hostId", "takenAt");

