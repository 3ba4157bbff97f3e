import "server-only";
import { eachFileRow, type FileRow } from "@/lib/analysis/file-rows";
import { pageOfFileRows } from "@/lib/analysis/filter-file-rows";
import { fileIndexPath } from "@/lib/db/file-index/file-index-path";
import { openFileIndex, readFileIndexPage, type FileIndexFilter } from "@/lib/db/file-index/read-file-index";
import { writeFileIndex } from "@/lib/db/file-index/write-file-index";
import { readBlob } from "@/lib/db/queries/snapshots";
import { processSingleton } from "@/lib/process-singleton";
import { readPackedInventory, type PackedInventory } from "@/lib/snapshot/read-inventory-blob";
import type { Inventory } from "@/lib/snapshot/schema";
import type { SourceTable } from "@/lib/snapshot/source-table";

/** A blob being indexed: decoded once (its sources packed, ~40 bytes each), then written to its index file. */
type Build = { decoded: Promise<PackedInventory>; written: Promise<void> };
// One per process: the job that stored a snapshot and the page that reads it run in separate module copies.
const building = processSingleton("deploylensFileIndexBuilds", () => new Map<string, Build>());

function startBuild(sha256: string, inMemory?: PackedInventory): Build {
  const decoded = inMemory
    ? Promise.resolve(inMemory)
    : readBlob(sha256).then((blob) => readPackedInventory(blob.data, blob.rawBytes));
  const written = decoded
    .then(({ inventory, sourceTables }) => writeFileIndex(fileIndexPath(sha256), eachFileRow(inventory, sourceTables)))
    .finally(() => building.delete(sha256));
  // Whoever waits for them sees their errors; nobody waiting is no crash.
  decoded.catch(() => {});
  written.catch(() => {});
  const build = { decoded, written };
  building.set(sha256, build);
  return build;
}

/**
 * One page of a blob's file table from its index on disk (lib/db/file-index), built once per blob: every page,
 * filter and search reads that file, not a decoded inventory held in the heap. A reader that comes while the
 * index is being written does not wait for it: the page is read from the inventory the build decoded, in one pass.
 */
export async function readBlobFilePage(
  sha256: string,
  filter: FileIndexFilter,
  offset: number,
  limit: number,
): Promise<{ total: number; rows: FileRow[] }> {
  const index = openFileIndex(fileIndexPath(sha256));
  if (index) return readFileIndexPage(index, filter, offset, limit);
  const build = building.get(sha256) ?? startBuild(sha256);
  const { inventory, sourceTables } = await build.decoded;
  // Written meanwhile: a collection's tables may be closed once their build is over, so read the index instead.
  const written = building.get(sha256) !== build && openFileIndex(fileIndexPath(sha256));
  if (written) return readFileIndexPage(written, filter, offset, limit);
  const inMemory = { query: filter.query, statuses: new Set(filter.statuses), blockedOnly: filter.blockedOnly };
  return pageOfFileRows(eachFileRow(inventory, sourceTables), inMemory, offset, limit);
}

/** Writes a blob's file index unless it has one (or waits for the build under way). */
export async function buildBlobFileIndex(sha256: string): Promise<void> {
  if (openFileIndex(fileIndexPath(sha256))) return;
  await (building.get(sha256) ?? startBuild(sha256)).written;
}

/**
 * Starts writing a just-stored blob's file index from its inventory, still in memory after the collection (no
 * decoding), unless the blob has one or one is being written. Readers meanwhile are answered from that inventory.
 * Resolves (never rejects) when the inventory is no longer read; undefined when it was not used.
 */
export function indexStoredInventory(stored: {
  blobSha256: string;
  inventory: Inventory;
  sourceTables: readonly SourceTable[];
}): Promise<void> | undefined {
  if (building.has(stored.blobSha256) || openFileIndex(fileIndexPath(stored.blobSha256))) return undefined;
  const build = startBuild(stored.blobSha256, { inventory: stored.inventory, sourceTables: [...stored.sourceTables] });
  return build.written.catch(() => {});
}
