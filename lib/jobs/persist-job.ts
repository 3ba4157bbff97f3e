import "server-only";
import { COLLECTION_STORE_WAIT_MS, waitWhileBusy } from "@/lib/db/database-busy";
import { createCollectionJobRow, updateCollectionJobRow } from "@/lib/db/queries/collection-jobs";

// A job's state is also written to the CollectionJob table, so a restart can tell which collections it
// cut short (marked "interrupted" at start-up). Writing it never fails the collection itself, and a locked
// database delays it (as long as the snapshot's own write would wait) rather than dropping it.
const warn = (error: unknown) => console.error("deploylens: could not record the collection job", error);

/** Records a new job; returns the write, which later updates wait for so they apply in order. */
export function recordJobQueued(id: string, hostId: string, startedBy: string | null): Promise<void> {
  const row = { id, hostId, state: "queued", startedBy };
  return waitWhileBusy(() => createCollectionJobRow(row), COLLECTION_STORE_WAIT_MS).catch(warn);
}

export function recordJobState(
  after: Promise<void>,
  id: string,
  state: "running" | "done",
  snapshotId?: string | null,
): Promise<void> {
  return after
    .then(() => {
      const data = state === "done" ? { state, snapshotId, finishedAt: new Date() } : { state };
      return waitWhileBusy(() => updateCollectionJobRow(id, data), COLLECTION_STORE_WAIT_MS);
    })
    .catch(warn);
}
