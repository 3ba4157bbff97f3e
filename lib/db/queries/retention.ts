import "server-only";
import { prisma } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/provider";

const CHUNK = 500;

/** Every snapshot's summary columns the retention rule looks at, plus the blob it references. */
export async function listRetentionRows() {
  return prisma.snapshot.findMany({
    select: {
      id: true,
      hostId: true,
      takenAt: true,
      status: true,
      errorCode: true,
      sources: true,
      fresh: true,
      stale: true,
      missing: true,
      criticalFindings: true,
      warningFindings: true,
      configHash: true,
      blobSha256: true,
    },
  });
}

export async function listBaselineIds(): Promise<Set<string>> {
  const hosts = await prisma.host.findMany({
    where: { baselineSnapshotId: { not: null } },
    select: { baselineSnapshotId: true },
  });
  return new Set(hosts.map((h) => h.baselineSnapshotId!));
}

export async function listBlobSizes(): Promise<Map<string, number>> {
  const blobs = await prisma.inventoryBlob.findMany({ select: { sha256: true, data: true } });
  return new Map(blobs.map((b) => [b.sha256, b.data.length]));
}

/**
 * Deletes the snapshots and then every blob no snapshot references, in one transaction: a crash or
 * a concurrent collection never sees snapshots without their blob or a half-applied prune. Returns the
 * deleted blobs' hashes.
 */
export async function deleteSnapshotsAndOrphanBlobs(ids: string[]): Promise<{ snapshots: number; blobs: string[] }> {
  return prisma.$transaction(async (tx) => {
    let snapshots = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      snapshots += (await tx.snapshot.deleteMany({ where: { id: { in: ids.slice(i, i + CHUNK) } } })).count;
    }
    // By hash, so the caller learns which blobs went (their file indexes go with them).
    const orphans = await tx.inventoryBlob.findMany({ where: { snapshots: { none: {} } }, select: { sha256: true } });
    const blobs = orphans.map((blob) => blob.sha256);
    for (let i = 0; i < blobs.length; i += CHUNK) {
      await tx.inventoryBlob.deleteMany({ where: { sha256: { in: blobs.slice(i, i + CHUNK) } } });
    }
    return { snapshots, blobs };
  });
}

/**
 * Gives freed pages back to the file system (VACUUM cannot run inside a transaction). PostgreSQL's autovacuum
 * keeps its tables by itself; a plain VACUUM of the two big tables makes their space reusable at once.
 */
export async function compactDatabase(): Promise<void> {
  if (databaseProvider() === "postgresql") {
    await prisma.$executeRawUnsafe(`VACUUM "Snapshot", "InventoryBlob"`);
    return;
  }
  await prisma.$executeRawUnsafe("VACUUM");
  await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}

/** Snapshots per host, for the settings page. */
export async function countSnapshotsByHost(): Promise<{ hostId: string; name: string; snapshots: number }[]> {
  const [hosts, counts] = await Promise.all([
    prisma.host.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.snapshot.groupBy({ by: ["hostId"], _count: { _all: true } }),
  ]);
  const byHost = new Map(counts.map((c) => [c.hostId, c._count._all]));
  return hosts.map((h) => ({ hostId: h.id, name: h.name, snapshots: byHost.get(h.id) ?? 0 }));
}
