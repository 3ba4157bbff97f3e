import "server-only";
import { prisma } from "@/lib/db/client";
import type { Host, Snapshot } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors";

export type SnapshotRow = Snapshot & { host: Host };

export async function findSnapshot(id: string): Promise<SnapshotRow | null> {
  return prisma.snapshot.findUnique({ where: { id }, include: { host: true } });
}

export async function getSnapshotOrThrow(id: string): Promise<SnapshotRow> {
  const snapshot = await findSnapshot(id);
  if (!snapshot) throw new NotFoundError("snapshot", id);
  return snapshot;
}

export async function findLatestOkSnapshot(hostId: string): Promise<SnapshotRow | null> {
  return prisma.snapshot.findFirst({
    where: { hostId, status: "ok" },
    orderBy: { takenAt: "desc" },
    include: { host: true },
  });
}

/** The successful snapshot of the same host just before `takenAt`: "one host over time". */
export async function findPreviousOkSnapshot(hostId: string, takenAt: Date): Promise<Snapshot | null> {
  return prisma.snapshot.findFirst({ where: { hostId, status: "ok", takenAt: { lt: takenAt } }, orderBy: { takenAt: "desc" } });
}

/** Newest first, summary columns only: what lists and the history chart need. */
export async function listSnapshots(hostId: string, take = 200): Promise<Snapshot[]> {
  return prisma.snapshot.findMany({ where: { hostId }, orderBy: { takenAt: "desc" }, take });
}

export async function readBlob(sha256: string): Promise<Uint8Array> {
  const blob = await prisma.inventoryBlob.findUnique({ where: { sha256 } });
  if (!blob) throw new NotFoundError("inventory blob", sha256);
  return blob.data;
}
