import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { EncodedBlob } from "@/lib/snapshot/blob-codec";
import type { ErrorDetails } from "@/lib/snapshot/error-details";
import type { Regression } from "@/lib/snapshot/regression";
import type { Measurements } from "@/lib/snapshot/schema";
import { createSnapshotRow, saveInventoryBlob } from "./queries/snapshots";
import { encodeSnapshotColumns } from "./snapshot-columns";

/** The row's columns as lib/jobs computed them, before the row or its blob exists; JSON columns as data. */
export type SnapshotColumns = Omit<
  Prisma.SnapshotUncheckedCreateInput,
  "id" | "blobSha256" | "measurements" | "regressions" | "errorDetails" | "criticalFindingIds"
> & {
  measurements?: Measurements;
  regressions?: Regression[];
  errorDetails?: ErrorDetails | null;
  criticalFindingIds?: string[];
};

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
  const { measurements, regressions, errorDetails, criticalFindingIds, ...rest } = columns;
  return createSnapshotRow({
    ...rest,
    ...encodeSnapshotColumns({ measurements, regressions, errorDetails, criticalFindingIds }),
    blobSha256,
  });
}
