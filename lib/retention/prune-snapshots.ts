import "server-only";
import {
  compactDatabase,
  deleteSnapshotsAndOrphanBlobs,
  listBaselineIds,
  listBlobSizes,
  listRetentionRows,
} from "@/lib/db/queries/retention";
import { removeFileIndexesExcept } from "@/lib/db/file-index/remove-file-indexes";
import { findRetentionPolicy, type RetentionPolicy } from "./retention-policy";
import { selectPrunable } from "./select-prunable";
import { storeSizeBytes } from "@/lib/db/queries/store-size";

export type PruneReport = {
  dryRun: boolean;
  policy: RetentionPolicy;
  snapshots: { before: number; removed: number };
  blobs: { removed: number; compressedBytes: number };
  storeBytes: { before: number; after: number };
};

/**
 * This instance's file indexes of the blobs no longer stored, whoever deleted them (with PostgreSQL, another
 * instance's retention may have). The blobs are listed now, so one stored meanwhile keeps its index.
 */
async function removeUnusedFileIndexes(): Promise<void> {
  removeFileIndexesExcept(new Set((await listBlobSizes()).keys()));
}

/** Applies the retention policy (or, with dryRun, says what it would remove) and frees unreferenced blobs. */
export async function pruneSnapshots(options: { dryRun: boolean; now?: Date }): Promise<PruneReport> {
  const policy = await findRetentionPolicy();
  const [rows, baselines, blobSizes] = await Promise.all([listRetentionRows(), listBaselineIds(), listBlobSizes()]);
  const prunable = selectPrunable(rows, policy, baselines, options.now ?? new Date());
  const removed = new Set(prunable);
  const stillUsed = new Set(rows.filter((r) => !removed.has(r.id) && r.blobSha256).map((r) => r.blobSha256!));
  const freed = [...blobSizes].filter(([sha]) => !stillUsed.has(sha));
  const before = await storeSizeBytes();
  const report: PruneReport = {
    dryRun: options.dryRun,
    policy,
    snapshots: { before: rows.length, removed: prunable.length },
    blobs: { removed: freed.length, compressedBytes: freed.reduce((sum, [, bytes]) => sum + bytes, 0) },
    storeBytes: { before, after: before },
  };
  if (options.dryRun) return report;
  if (prunable.length === 0 && freed.length === 0) {
    await removeUnusedFileIndexes();
    return report;
  }
  const done = await deleteSnapshotsAndOrphanBlobs(prunable);
  await removeUnusedFileIndexes();
  await compactDatabase();
  return {
    ...report,
    snapshots: { ...report.snapshots, removed: done.snapshots },
    blobs: { ...report.blobs, removed: done.blobs.length },
    storeBytes: { before, after: await storeSizeBytes() },
  };
}
