import { Readable } from "node:stream";
import { createBrotliDecompress } from "node:zlib";
import { AppError } from "@/lib/errors";
import { RECORD_BLOB_FORMAT_LINES } from "./inventory-blob-writer";
import { RECORD_FIELDS, type RecordField, type RecordItem } from "./inventory-records";
import type { Inventory } from "./schema";

type Arrays = Record<RecordField, RecordItem[]>;

function tooLarge(maxBytes: number): AppError {
  return new AppError("inventory-blob-too-large", `a stored inventory inflates beyond its recorded ${maxBytes} bytes`);
}

/** The lines of a stored blob as they inflate, never more than `maxBytes` in all. */
async function* blobLines(data: Uint8Array, maxBytes: number): AsyncGenerator<string> {
  const inflating = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]).pipe(
    createBrotliDecompress(),
  );
  let total = 0;
  let parts: Buffer[] = [];
  for await (const chunk of inflating as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      inflating.destroy();
      throw tooLarge(maxBytes);
    }
    // Joined only once a line is complete: a format-1 blob is one 17 MB line at 100k sources.
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      parts.push(chunk.subarray(start, nl));
      yield Buffer.concat(parts).toString("utf8");
      parts = [];
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) yield Buffer.concat(parts).toString("utf8");
}

/**
 * A stored inventory, read as it inflates: formats 3 and 2 (lib/snapshot/inventory-blob-writer.ts) record
 * by record, each item appended to its root's array (so the interleaved fields of format 3 rebuild the same
 * arrays, in the same order, as format 2's canonical order), format 1 (one canonical JSON document,
 * snapshots stored before streaming) whole. Blobs passed inventorySchema before they were stored and are
 * immutable, so they are not validated again.
 */
export async function readInventoryBlob(data: Uint8Array, rawBytes: number): Promise<Inventory> {
  const maxBytes = Math.max(1, rawBytes);
  const byRoot = new Map<number, Arrays>();
  let first = true;
  let head: Inventory | null = null;
  for await (const line of blobLines(data, maxBytes)) {
    // Format 1: the one line.
    if (first && !RECORD_BLOB_FORMAT_LINES.includes(line)) return JSON.parse(line) as Inventory;
    if (first) {
      first = false;
      continue;
    }
    if (line.startsWith("[")) {
      const [root, field, item] = JSON.parse(line) as [number, RecordField, RecordItem];
      let arrays = byRoot.get(root);
      if (!arrays) byRoot.set(root, (arrays = { dirs: [], extraPycs: [], skipped: [], sources: [] }));
      arrays[field].push(item);
    } else if (line) head = JSON.parse(line) as Inventory;
  }
  if (!head) throw new AppError("inventory-blob-damaged", "a stored inventory ends before its last line");
  for (const [index, root] of head.roots.entries()) {
    const arrays = byRoot.get(index);
    if (arrays) for (const field of RECORD_FIELDS) (root[field] as RecordItem[]) = arrays[field];
  }
  return head;
}
