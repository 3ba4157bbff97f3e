import "server-only";
import { isDatabaseBusy } from "@/lib/db/database-busy";
import type { HostRow } from "@/lib/db/queries/hosts";
import type { ProgressEvent } from "@/lib/snapshot/collector-events";
import { indexStoredInventory } from "@/lib/snapshot-reads/blob-file-index";
import { prepareSnapshotFiles } from "@/lib/snapshot-reads/snapshot-files";
import { afterCollection } from "./after-collection";
import { collectHost, type CollectResult } from "./collect-host";

// Regressions and alerts are extras: their failure is logged, never turned into a failed collection.
const reportAfterCollection = (error: unknown) => console.error("deploylens: after collection:", error);
// A file index that could not be built now is built by the snapshot page's first reader.
const reportFileIndex = (error: unknown) => console.error("deploylens: file index:", error);

export type RunOptions = {
  /**
   * Write the snapshot's file index after storing it (the default). The CLI exits once its collections are
   * stored, which would cut the index's writing short: it leaves the index to the snapshot page's first reader.
   */
  fileIndex?: boolean;
};

/** Collect → store → regressions and alerts, whichever queue claimed the job; never throws. */
export async function runCollection(
  host: HostRow,
  onProgress: (event: ProgressEvent) => void,
  { fileIndex = true }: RunOptions = {},
): Promise<CollectResult> {
  try {
    // The file index is written from the inventory still in memory: the page need not decode the blob again.
    const result = await collectHost(host, onProgress, fileIndex ? indexStoredInventory : undefined);
    if (result.ok) {
      await afterCollection(result.snapshotId).catch(reportAfterCollection);
      // In the background (the job is done once stored); from the blob when no inventory was handed over above.
      if (fileIndex) void prepareSnapshotFiles(result.snapshotId).catch(reportFileIndex);
    }
    return result;
  } catch (error) {
    // Storing the failed snapshot itself failed (e.g. the database is gone): report, never hang.
    const message = error instanceof Error ? error.message : String(error);
    return { snapshotId: "", ok: false, code: isDatabaseBusy(error) ? "database-busy" : "internal", message };
  }
}
