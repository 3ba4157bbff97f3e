import "server-only";
import { getSnapshotOrThrow, readBlob, type SnapshotRow } from "@/lib/db/queries/snapshots";
import type { SnapshotInput } from "@/lib/analysis/types";
import { readInventoryBlob, readPackedInventory } from "@/lib/snapshot/read-inventory-blob";
import { decodeView } from "./snapshot-columns";

export type LoadedSnapshot = { row: SnapshotRow; input: SnapshotInput | null };

/** A stored snapshot with its inventory decoded; `input` is null for failed collections. */
export async function loadSnapshot(id: string): Promise<LoadedSnapshot> {
  const row = await getSnapshotOrThrow(id);
  return { row, input: await toSnapshotInput(row) };
}

/**
 * The snapshot as the analysis takes it. `packed`: its sources stay in SourceTables (SnapshotInput.sourceTables,
 * ~40 bytes a source instead of ~200), for readers that go through rootSources() (coverage, the rules, compare);
 * the roots' own `sources` are then empty, and the findings stored with the row come along (rows stored before
 * the view have none: the rules run again).
 */
export async function toSnapshotInput(
  row: SnapshotRow,
  options: { packed?: boolean } = {},
): Promise<SnapshotInput | null> {
  if (row.status !== "ok" || !row.blobSha256) return null;
  // The inventory passed inventorySchema before it was stored, and blobs are immutable.
  const blob = await readBlob(row.blobSha256);
  const decoded = options.packed
    ? await readPackedInventory(blob.data, blob.rawBytes)
    : { inventory: await readInventoryBlob(blob.data, blob.rawBytes) };
  const findings = options.packed ? decodeView(row.view)?.findings : undefined;
  const input = {
    id: row.id,
    host: row.host.name,
    takenAt: row.takenAt.toISOString(),
    measurements: row.measurements,
    ...decoded,
  };
  return findings ? { ...input, findings } : input;
}
