import { createHash } from "node:crypto";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { constants, createBrotliCompress, type BrotliCompress, type BrotliOptions } from "node:zlib";
import type { EncodedBlob } from "./blob-codec";
import { canonicalJson } from "./canonical-json";
import { canonicalItem, RECORD_FIELDS, type RecordField, type RecordItem } from "./inventory-records";
import type { Inventory } from "./schema";

/**
 * The stored inventory, format 3: this line, then one line `[rootIndex,"field",item]` per record in the
 * order the collector sent them (root by root; within a root the fields interleave, each array in its own
 * order), then the inventory itself with those arrays empty (its "head"), every line canonical JSON.
 * The collector cuts its lines by counts, never by time (lib/collector/python/55_records.py), so the order
 * is a function of the inventory: the blob's name is the SHA-256 of these bytes, and identical
 * inventories still share one blob. Still read (lib/snapshot/read-inventory-blob.ts): format 2, the same
 * lines with the records in canonical order (root, then field), and format 1, one canonical JSON document.
 */
export const BLOB_FORMAT_LINE = '{"deploylensBlob":3}';
/** The first line of every format stored as records, oldest first. */
export const RECORD_BLOB_FORMAT_LINES: readonly string[] = ['{"deploylensBlob":2}', BLOB_FORMAT_LINE];

/** Lines are hashed and handed to brotli in pieces of this size: one zlib task per line would cost more than it compresses. */
const FLUSH_BYTES = 64 * 1024;

/** The inventory without its per-file arrays: what the blob's last line holds. */
export function inventoryHead(inventory: Inventory): Inventory {
  const empty = { dirs: [], extraPycs: [], skipped: [], sources: [] };
  return { ...inventory, roots: inventory.roots.map((root) => ({ ...root, ...empty })) };
}

/**
 * Encodes an inventory as it arrives: hashing and brotli run while the collector is still sending, and
 * only the compressed bytes are kept. `record` returns false when brotli has fallen behind (await
 * `drained()` then, so the compressor's input never piles up).
 */
export class InventoryBlobWriter {
  private readonly hash = createHash("sha256");
  private readonly brotli: BrotliCompress;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;
  private pending = "";
  private rawBytes = 0;
  private keepUp = true;

  constructor() {
    // zlib streams take the Transform options too: a 1 MB queue lets brotli lag a little without a pause.
    // A 1 MB window (LGWIN 20): brotli's ring buffer grows to the window, and a 16 MB one cost every large
    // collection ~27 MB of native memory for 0.3 % smaller blobs (records repeat what is near them).
    const options = {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 20 },
      writableHighWaterMark: 1024 * 1024,
    };
    this.brotli = createBrotliCompress(options as BrotliOptions);
    this.brotli.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = finished(this.brotli);
    this.ended.catch(() => {}); // abort() destroys it; finish() awaits it again
    this.line(BLOB_FORMAT_LINE);
  }

  private line(text: string): boolean {
    this.pending += text + "\n";
    if (this.pending.length >= FLUSH_BYTES) this.flush();
    return this.keepUp;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending, "utf8");
    this.pending = "";
    this.hash.update(bytes);
    this.rawBytes += bytes.length;
    this.keepUp = this.brotli.write(bytes);
  }

  record(root: number, field: RecordField, item: RecordItem): boolean {
    return this.line(`[${root},"${field}",${canonicalItem(field, item)}]`);
  }

  async drained(): Promise<void> {
    if (this.keepUp) return;
    await once(this.brotli, "drain");
    this.keepUp = true;
  }

  /** Writes the head line and returns the finished blob. */
  async finish(inventory: Inventory): Promise<EncodedBlob> {
    this.line(canonicalJson(inventoryHead(inventory)));
    this.flush();
    this.brotli.end();
    await this.ended;
    const data = Buffer.concat(this.chunks);
    return { sha256: this.hash.digest("hex"), rawBytes: this.rawBytes, data };
  }

  abort(): void {
    this.brotli.destroy();
  }
}

/** The whole blob of an inventory already in memory (one that did not arrive as records), in canonical order. */
export async function encodeInventory(inventory: Inventory): Promise<EncodedBlob> {
  const writer = new InventoryBlobWriter();
  for (const [index, root] of inventory.roots.entries())
    for (const field of RECORD_FIELDS)
      for (const item of root[field]) if (!writer.record(index, field, item)) await writer.drained();
  return writer.finish(inventory);
}
