import { AppError } from "@/lib/errors";
import { blobLines } from "./blob-lines";
import { RECORD_BLOB_FORMAT_LINES } from "./inventory-blob-writer";
import { RECORD_FIELDS, type RecordField, type RecordItem } from "./inventory-records";
import type { Inventory, Source } from "./schema";
import { SourceTable } from "./source-table";

type Arrays = { dirs: RecordItem[]; extraPycs: RecordItem[]; skipped: RecordItem[]; sources: SourceSink };
type SourceSink = { push(source: Source): void };

/**
 * Reads a stored blob record by record: formats 3 and 2 (lib/snapshot/inventory-blob-writer.ts) append each
 * item to its root's arrays (made by `arraysOf`; so the interleaved fields of format 3 rebuild the same
 * arrays, in the same order, as format 2's canonical order); format 1 (one canonical JSON document,
 * snapshots stored before streaming) is returned whole. Returns the head (the inventory without its
 * per-file arrays) and the arrays by root index.
 */
async function readRecords(
  data: Uint8Array,
  rawBytes: number,
  arraysOf: () => Arrays,
): Promise<{ head: Inventory; byRoot: Map<number, Arrays> } | { whole: Inventory }> {
  const maxBytes = Math.max(1, rawBytes);
  const byRoot = new Map<number, Arrays>();
  let first = true;
  let head: Inventory | null = null;
  for await (const line of blobLines(data, maxBytes)) {
    if (first && !RECORD_BLOB_FORMAT_LINES.includes(line)) return { whole: JSON.parse(line) as Inventory };
    if (first) {
      first = false;
      continue;
    }
    if (line.startsWith("[")) {
      const [root, field, item] = JSON.parse(line) as [number, RecordField, RecordItem];
      let arrays = byRoot.get(root);
      if (!arrays) byRoot.set(root, (arrays = arraysOf()));
      (arrays[field] as { push(item: RecordItem): void }).push(item);
    } else if (line) head = JSON.parse(line) as Inventory;
  }
  if (!head) throw new AppError("inventory-blob-damaged", "a stored inventory ends before its last line");
  return { head, byRoot };
}

/**
 * A stored inventory, read as it inflates, every source an object. Blobs passed inventorySchema before they
 * were stored and are immutable, so they are not validated again.
 */
export async function readInventoryBlob(data: Uint8Array, rawBytes: number): Promise<Inventory> {
  const read = await readRecords(data, rawBytes, () => ({ dirs: [], extraPycs: [], skipped: [], sources: [] }));
  if ("whole" in read) return read.whole;
  for (const [index, root] of read.head.roots.entries()) {
    const arrays = read.byRoot.get(index);
    if (arrays) for (const field of RECORD_FIELDS) (root[field] as unknown) = arrays[field];
  }
  return read.head;
}

export type PackedInventory = { inventory: Inventory; sourceTables: SourceTable[] };

/**
 * A stored inventory with its sources packed (lib/snapshot/source-table.ts: ~40 bytes a source instead of
 * ~200 as objects): the roots carry no sources, `sourceTables` holds them, index-aligned with the roots, as
 * SnapshotInput.sourceTables expects. What reads a whole snapshot to compare or analyse it uses this, so a
 * million-source inventory is never a million live objects.
 */
export async function readPackedInventory(data: Uint8Array, rawBytes: number): Promise<PackedInventory> {
  const read = await readRecords(data, rawBytes, () => ({
    dirs: [],
    extraPycs: [],
    skipped: [],
    sources: new SourceTable(),
  }));
  if ("whole" in read) return packed(read.whole);
  const sourceTables = read.head.roots.map((root, index) => {
    const arrays = read.byRoot.get(index);
    if (arrays) for (const field of ["dirs", "extraPycs", "skipped"] as const) (root[field] as unknown) = arrays[field];
    return (arrays?.sources as SourceTable | undefined) ?? new SourceTable();
  });
  return { inventory: read.head, sourceTables };
}

/** Format 1's whole document, its sources moved into tables. */
function packed(inventory: Inventory): PackedInventory {
  const sourceTables = inventory.roots.map((root) => {
    const table = new SourceTable();
    for (const source of root.sources) table.push(source);
    root.sources = [];
    return table;
  });
  return { inventory, sourceTables };
}
