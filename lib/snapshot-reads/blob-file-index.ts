import "server-only";
import { eachFileRow } from "@/lib/analysis/file-rows";
import { fileIndexPath } from "@/lib/db/file-index/file-index-path";
import { openFileIndex, type FileIndex } from "@/lib/db/file-index/read-file-index";
import { writeFileIndex } from "@/lib/db/file-index/write-file-index";
import { readBlob } from "@/lib/db/queries/snapshots";
import { readPackedInventory } from "@/lib/snapshot/read-inventory-blob";

/** Builds in flight, by blob: readers of a blob being indexed wait for that one build. */
const building = new Map<string, Promise<void>>();

/** Decodes the blob once, its sources packed (~40 bytes each), and writes its rows to the index file. */
async function build(sha256: string, file: string): Promise<void> {
  const blob = await readBlob(sha256);
  const { inventory, sourceTables } = await readPackedInventory(blob.data, blob.rawBytes);
  await writeFileIndex(file, eachFileRow(inventory, sourceTables));
}

/**
 * A blob's file table as an index on disk (lib/db/file-index), built the first time any snapshot of that blob is
 * read: every later page, filter and search reads the file, not a decoded inventory held in the heap.
 */
export async function blobFileIndex(sha256: string): Promise<FileIndex> {
  const file = fileIndexPath(sha256);
  const ready = openFileIndex(file);
  if (ready) return ready;
  let pending = building.get(sha256);
  if (!pending) {
    pending = build(sha256, file).finally(() => building.delete(sha256));
    building.set(sha256, pending);
  }
  await pending;
  const built = openFileIndex(file);
  if (!built) throw new Error(`the file index of blob ${sha256} was removed as it was built`);
  return built;
}
