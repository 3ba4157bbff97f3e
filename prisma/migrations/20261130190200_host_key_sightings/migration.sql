-- CreateTable
CREATE TABLE "HostKeySighting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "address" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "HostKeySighting_address_port_fingerprint_key" ON "HostKeySighting"("address", "port", "fingerprint");
