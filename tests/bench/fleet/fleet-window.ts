export type FleetWindow = {
  /** Collections the scheduler queued in the window (one per host whose offset fell in it). */
  queued: number;
  /** Of those, stored by the window's end, ok or failed. */
  stored: number;
  failed: number;
  failedCodes: string[];
  /** Queue lag of each stored one: from queued (the schedule fired) to the collection's start (takenAt). */
  lagMs: number[];
  /** Connect → stored, as the snapshot records it. */
  durationMs: number[];
  /** Queued in the window and not stored by its end; the oldest of them had waited this long. */
  waiting: number;
  oldestWaitingMs: number;
};

const CHUNK = 500;

/** What the store says of the collections queued between `from` and `to` (read from the bench's own connection). */
export async function fleetWindow(from: Date, to: Date): Promise<FleetWindow> {
  const { prisma } = await import("@/lib/db/client");
  const jobs = await prisma.collectionJob.findMany({
    where: { createdAt: { gte: from, lt: to } },
    select: { createdAt: true, snapshotId: true, finishedAt: true },
  });
  const done = jobs.filter((job) => job.snapshotId && job.finishedAt && job.finishedAt <= to);
  const snapshots = new Map<string, { takenAt: Date; status: string; durationMs: number; errorCode: string | null }>();
  for (let i = 0; i < done.length; i += CHUNK) {
    const ids = done.slice(i, i + CHUNK).map((job) => job.snapshotId!);
    const rows = await prisma.snapshot.findMany({
      where: { id: { in: ids } },
      select: { id: true, takenAt: true, status: true, durationMs: true, errorCode: true },
    });
    for (const row of rows) snapshots.set(row.id, row);
  }
  const stored = done.flatMap((job) => {
    const snapshot = snapshots.get(job.snapshotId!);
    return snapshot ? [{ job, snapshot }] : [];
  });
  const failed = stored.filter((s) => s.snapshot.status !== "ok");
  const waitingJobs = jobs.filter((job) => !job.finishedAt || job.finishedAt > to);
  return {
    queued: jobs.length,
    stored: stored.length,
    failed: failed.length,
    failedCodes: [...new Set(failed.map((s) => s.snapshot.errorCode ?? "unknown"))],
    lagMs: stored.map((s) => Math.max(0, s.snapshot.takenAt.getTime() - s.job.createdAt.getTime())),
    durationMs: stored.map((s) => s.snapshot.durationMs),
    waiting: waitingJobs.length,
    oldestWaitingMs: waitingJobs.reduce((most, job) => Math.max(most, to.getTime() - job.createdAt.getTime()), 0),
  };
}
