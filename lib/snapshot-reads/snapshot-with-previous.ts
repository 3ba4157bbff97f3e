import "server-only";
import { readThroughStore } from "@/lib/db/store-cache";
import { findPreviousOkSnapshot, findSnapshot, type SnapshotRow } from "@/lib/db/queries/snapshots";

/**
 * A snapshot's row (not its inventory: cheap, so a page decides 404 before anything streams) and, for a
 * successful one, the id of the host's successful snapshot just before it. Null when there is no such snapshot.
 */
export function findSnapshotWithPrevious(id: string): Promise<{ row: SnapshotRow; previousId: string | null } | null> {
  return readThroughStore(`snapshot-with-previous:${id}`, async () => {
    const row = await findSnapshot(id);
    if (!row) return null;
    const previous = row.status === "ok" ? await findPreviousOkSnapshot(row.hostId, row.takenAt) : null;
    return { row, previousId: previous?.id ?? null };
  });
}
