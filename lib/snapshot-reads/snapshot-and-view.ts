import "server-only";
import { findSnapshot, type SnapshotRow } from "@/lib/db/queries/snapshots";
import { readThroughStore } from "@/lib/db/store-cache";
import type { SnapshotView } from "@/lib/analysis/snapshot-view";
import { NotFoundError } from "@/lib/errors";
import { viewOfSnapshot } from "./view-of-snapshot";

/**
 * A snapshot's row and its view (decoded, or computed for a row stored without one), read once per store version
 * for every page and API call that shows it. NotFoundError (404) when there is no such snapshot.
 */
export async function getSnapshotAndViewOrThrow(id: string): Promise<{ row: SnapshotRow; view: SnapshotView | null }> {
  const found = await readThroughStore(`snapshot-and-view:${id}`, async () => {
    const row = await findSnapshot(id);
    return row && { row, view: await viewOfSnapshot(row) };
  });
  if (!found) throw new NotFoundError("snapshot", id);
  return found;
}
