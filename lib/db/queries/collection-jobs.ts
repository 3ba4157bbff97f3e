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
