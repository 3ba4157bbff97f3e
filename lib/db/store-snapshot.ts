import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { EncodedBlob } from "@/lib/snapshot/blob-codec";
import { createSnapshotRow, saveInventoryBlob } from "./queries/snapshots";

/** The row's columns as lib/jobs computed them, before the row or its blob exists. */
export type SnapshotColumns = Omit<Prisma.SnapshotUncheckedCreateInput, "id" | "blobSha256">;

/** Stores the encoded inventory once per distinct content; returns its hash. */
async function storeBlob(blob: EncodedBlob): Promise<string> {
  // Prisma's Bytes type wants a plain ArrayBuffer-backed array, not a pooled Buffer.
  await saveInventoryBlob(blob.sha256, blob.rawBytes, () => new Uint8Array(blob.data));
  return blob.sha256;
}

/**
 * Writes one snapshot row, with its inventory blob when the collection succeeded. The columns are final:
 * a snapshot row is written once and never updated.
 */
export async function insertSnapshot(columns: SnapshotColumns, blob?: EncodedBlob): Promise<string> {
  const blobSha256 = blob ? await storeBlob(blob) : null;
  return createSnapshotRow({ ...columns, blobSha256 });
}
