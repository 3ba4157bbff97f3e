import "server-only";
import { snapshotViewOf, type SnapshotView } from "@/lib/analysis/snapshot-view";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import type { SnapshotRow } from "@/lib/db/queries/snapshots";
import { decodeView } from "@/lib/db/snapshot-columns";

/**
 * A snapshot's view: the one stored with it, so reading a snapshot neither decodes its blob nor re-runs the
 * rules. Rows stored before the view was recorded compute it from the blob, as they always did. Null for a
 * failed snapshot.
 */
export async function viewOfSnapshot(row: SnapshotRow): Promise<SnapshotView | null> {
  if (row.status !== "ok") return null;
  const stored = decodeView(row.view);
  if (stored) return stored;
  const input = await toSnapshotInput(row);
  return input && snapshotViewOf(input);
}
