import { AppError } from "@/lib/errors";
import { blobLinePieces } from "./blob-lines";
import { RECORD_BLOB_FORMAT_LINES } from "./inventory-blob-writer";
import type { Inventory } from "./schema";
import { SourceRecords } from "./source-records";

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
const SOURCES = bytes('"sources",');
const DIRS = bytes('"dirs",');
const [NEWLINE, OPEN, COMMA, ZERO, NINE] = [10, 91, 44, 48, 57];

function startsWith(buf: Uint8Array, at: number, token: Uint8Array): boolean {
  for (let k = 0; k < token.length; k++) if (buf[at + k] !== token[k]) return false;
  return true;
}

/** Called with each directory record's item (its canonical JSON) and its root's index. */
export type DirectorySink = (root: number, item: string) => void;

/**
 * A stored blob of format 3 or 2 read once, as it inflates (lib/snapshot/inventory-blob-writer.ts): the sources of
 * one root at a time (`root`), packed where they lie (SourceRecords), while the directory records go to
 * `onDirectory` and the last line, the head (the inventory without its per-file arrays), is kept. Asking for the roots in stored order reads the blob once; asking for one already passed starts the
 * blob again (and those lines' directories and head are not handed over twice).
 */
export class StoredRecordReader {
  head: Inventory | null = null;
  private pieces: AsyncGenerator<Buffer> | null = null;
  private pending: SourceRecords[] = [];
  /** Every root up to this one has been read or skipped. */
  private passed = -1;
  private ended = false;
  private lastSeen = -1;
  /** Lines scanned in this pass, and in the furthest pass (whose directories and head were handed over). */
  private line = 0;
  private handedOver = 0;
  private recordFormat: boolean | null = null;

  constructor(
    private readonly data: Uint8Array,
    private readonly rawBytes: number,
    private readonly onDirectory: DirectorySink,
  ) {}

  /** Whether the blob is of a record format (3 or 2): a format-1 blob is one JSON document, not read here. */
  async isRecordBlob(): Promise<boolean> {
    if (this.recordFormat === null) {
      this.restart();
      const first = await this.pieces!.next();
      if (first.done) this.ended = true;
      else {
        const end = first.value.indexOf(NEWLINE);
        const line = first.value.toString("utf8", 0, end < 0 ? first.value.length : end);
        this.recordFormat = RECORD_BLOB_FORMAT_LINES.includes(line);
        if (this.recordFormat) this.scan(first.value);
      }
    }
    return this.recordFormat ?? false;
  }

  /** The root's source records, a piece at a time. */
  async *root(index: number): AsyncGenerator<SourceRecords> {
    if (this.ended && index > this.passed) return;
    if (!this.pieces || index <= this.passed) this.restart();
    for (;;) {
      const batch = this.pending.shift() ?? (await this.next());
      if (!batch) {
        // Roots after the last one stored have no sources: no need to read the blob again for them.
        this.passed = Math.max(this.lastSeen, index);
        return;
      }
      this.lastSeen = Math.max(this.lastSeen, batch.root);
      if (batch.root > index) {
        this.pending.unshift(batch);
        this.passed = index;
        return;
      }
      this.passed = Math.max(this.passed, batch.root - 1);
      if (batch.root === index) yield batch;
    }
  }

  /** Reads to the blob's end (the directories not yet handed over, then the head) and returns the head. */
  async finish(): Promise<Inventory> {
    if (!this.pieces) this.restart();
    while (!this.ended) await this.next();
    if (!this.head) throw new AppError("inventory-blob-damaged", "a stored inventory ends before its last line");
    return this.head;
  }

  private restart(): void {
    void this.pieces?.return(undefined);
    this.pieces = blobLinePieces(this.data, Math.max(1, this.rawBytes));
    this.pending = [];
    this.passed = -1;
    this.ended = false;
    this.lastSeen = -1;
    this.line = 0;
  }

  private async next(): Promise<SourceRecords | null> {
    for (;;) {
      const step = await this.pieces!.next();
      if (step.done) {
        this.ended = true;
        return null;
      }
      this.scan(step.value);
      const batch = this.pending.shift();
      if (batch) return batch;
    }
  }

  /** Sorts the piece's lines: sources into batches by root, directories to their sink, the head. */
  private scan(piece: Buffer): void {
    const fresh = this.handedOver;
    let batch = null as SourceRecords | null;
    for (let start = 0; start < piece.length; this.line++) {
      const newline = piece.indexOf(NEWLINE, start);
      const end = newline < 0 ? piece.length : newline;
      if (this.line > 0 && piece[start] === OPEN) {
        let at = start + 1;
        let root = 0;
        while (piece[at]! >= ZERO && piece[at]! <= NINE) root = root * 10 + piece[at++]! - ZERO;
        if (piece[at] === COMMA) at++;
        if (startsWith(piece, at, SOURCES)) {
          if (batch?.root !== root)
            this.pending.push((batch = new SourceRecords(root, piece, (piece.length >> 7) + 16)));
          batch.add(start, at + SOURCES.length, end);
        } else if (this.line >= fresh && startsWith(piece, at, DIRS))
          this.onDirectory(root, piece.toString("utf8", at + DIRS.length, end - 1));
      } else if (this.line > 0 && end > start && this.line >= fresh)
        this.head = JSON.parse(piece.toString("utf8", start, end)) as Inventory;
      start = end + 1;
    }
    this.handedOver = Math.max(this.handedOver, this.line);
  }
}
