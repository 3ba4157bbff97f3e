import "server-only";
import { prisma } from "@/lib/db/client";

export async function createCollectionJobRow(data: {
  id: string;
  hostId: string;
  state: string;
  startedBy: string | null;
}) {
  await prisma.collectionJob.create({ data });
}

export async function updateCollectionJobRow(
  id: string,
  data: { state: string; snapshotId?: string | null; finishedAt?: Date },
) {
  await prisma.collectionJob.update({ where: { id }, data });
}

/** At start-up no collection can still be under way: whatever claims to be was cut short by a restart. */
export async function markUnfinishedJobsInterrupted(at: Date): Promise<number> {
  const { count } = await prisma.collectionJob.updateMany({
    where: { state: { in: ["queued", "running"] } },
    data: { state: "interrupted", finishedAt: at },
  });
  return count;
}

/**
 * Writes a job's row whichever instance gets there first: the one that queued it or the one that claimed it
 * (a queue of several instances gives no order between the two). `state` overwrites only when `overwrite`.
 */
export async function upsertCollectionJobRow(
  row: { id: string; hostId: string; state: string; startedBy: string | null },
  overwrite: boolean,
) {
  await prisma.collectionJob.upsert({
    where: { id: row.id },
    create: row,
    update: overwrite ? { state: row.state } : {},
  });
}

/** A host's jobs that claim to be queued or running, newest first. */
export async function listUnfinishedJobsOfHost(hostId: string) {
  return prisma.collectionJob.findMany({
    where: { hostId, state: { in: ["queued", "running"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

export async function findCollectionJobRow(id: string) {
  return prisma.collectionJob.findUnique({ where: { id } });
}
