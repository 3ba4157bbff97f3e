import { AppError } from "@/lib/errors";
import { blobLineBatches } from "./blob-lines";
import { RECORD_BLOB_FORMAT_LINES } from "./inventory-blob-writer";
import type { RecordField, RecordItem } from "./inventory-records";
import type { Inventory } from "./schema";

// Reading a stored inventory in two passes so that no pass holds its sources: the head (everything but the
// sources), then the sources themselves, root by root, a batch at a time. Formats 3 and 2 only: a format-1
// blob is one JSON document (read it whole, lib/snapshot/read-inventory-blob.ts).

/** The field of a record line (`[12,"sources",{…}]`) without parsing it. */
function fieldOf(line: string): string {
  const start = line.indexOf(",") + 2;
  return line.slice(start, line.indexOf('"', start));
}

/**
 * The inventory without its sources (dirs, extra pycs and skipped entries in their roots, as stored), read
 * past the source records without parsing them; null for a format-1 blob.
 */
export async function readInventoryHead(data: Uint8Array, rawBytes: number): Promise<Inventory | null> {
  const byRoot = new Map<number, Record<string, RecordItem[]>>();
  let first = true;
  let head: Inventory | null = null;
  for await (const batch of blobLineBatches(data, Math.max(1, rawBytes))) {
    for (const line of batch) {
      if (first && !RECORD_BLOB_FORMAT_LINES.includes(line)) return null;
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith("[")) {
        if (fieldOf(line) === "sources") continue;
        const [root, field, item] = JSON.parse(line) as [number, RecordField, RecordItem];
        let arrays = byRoot.get(root);
        if (!arrays) byRoot.set(root, (arrays = {}));
        (arrays[field] ??= []).push(item);
      } else if (line) head = JSON.parse(line) as Inventory;
    }
  }
  if (!head) throw new AppError("inventory-blob-damaged", "a stored inventory ends before its last line");
  for (const [index, root] of head.roots.entries()) {
    const arrays = byRoot.get(index);
    if (arrays) for (const [field, items] of Object.entries(arrays)) (root as Record<string, unknown>)[field] = items;
  }
  return head;
}

/**
 * Consecutive source records of one root, in stored order, as their lines: each is parsed (sourceOfRecord) when
 * its reader gets to it (lib/snapshot/source-record.ts), so a parsed source dies young instead of waiting, with its whole batch, for the other
 * side of a comparison (promoted to the old generation, a million of them grew the heap by hundreds of MB).
 */
export type SourceBatch = { root: number; records: string[] };

/** The root index of a record line, without parsing it. */
function rootOf(line: string): number {
  return Number(line.slice(1, line.indexOf(",")));
}

/** A format-3 or -2 blob's source records as they inflate, in stored order (root by root). */
export async function* streamSources(data: Uint8Array, rawBytes: number): AsyncGenerator<SourceBatch> {
  for await (const lines of blobLineBatches(data, Math.max(1, rawBytes))) {
    let batch: SourceBatch | null = null;
    for (const line of lines) {
      if (!line.startsWith("[") || fieldOf(line) !== "sources") continue;
      const root = rootOf(line);
      if (batch && batch.root !== root) {
        yield batch;
        batch = null;
      }
      (batch ??= { root, records: [] }).records.push(line);
    }
    if (batch) yield batch;
  }
}
