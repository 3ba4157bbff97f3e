import "server-only";
import { getSnapshotOrThrow, readBlob, type SnapshotRow } from "@/lib/db/queries/snapshots";
import type { SnapshotInput } from "@/lib/analysis/types";
import { readInventoryBlob } from "@/lib/snapshot/read-inventory-blob";

export type LoadedSnapshot = { row: SnapshotRow; input: SnapshotInput | null };

/** A stored snapshot with its inventory decoded; `input` is null for failed collections. */
export async function loadSnapshot(id: string): Promise<LoadedSnapshot> {
  const row = await getSnapshotOrThrow(id);
  return { row, input: await toSnapshotInput(row) };
}

export async function toSnapshotInput(row: SnapshotRow): Promise<SnapshotInput | null> {
  if (row.status !== "ok" || !row.blobSha256) return null;
  // The inventory passed inventorySchema before it was stored, and blobs are immutable.
  const blob = await readBlob(row.blobSha256);
  const inventory = await readInventoryBlob(blob.data, blob.rawBytes);
  return {
    id: row.id,
    host: row.host.name,
    takenAt: row.takenAt.toISOString(),
    inventory,
    measurements: row.measurements,
  };
}
