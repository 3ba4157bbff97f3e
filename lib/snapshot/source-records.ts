import { AppError } from "@/lib/errors";
import { sourceCode } from "./source-codes";
import { sourceOfRecord } from "./source-record";
import { scannedPath, scanSourceRecord } from "./source-record-bytes";

/**
 * Consecutive source records of one root where they lie in an inflated piece of a stored blob: each path a byte
 * range of `bytes` (UTF-8, as stored), its status, reason and pyc kind a code (source-codes.ts). A record laid out
 * otherwise (an escaped path) is parsed, and its path kept as a string.
 */
export class SourceRecords {
  count = 0;
  pathStart: Int32Array;
  pathEnd: Int32Array;
  codes: Uint8Array;
  /** Paths of the records that were parsed, by position (their pathStart is -1). */
  private parsed: Map<number, string> | null = null;

  constructor(
    readonly root: number,
    readonly bytes: Buffer,
    capacity: number,
  ) {
    this.pathStart = new Int32Array(capacity);
    this.pathEnd = new Int32Array(capacity);
    this.codes = new Uint8Array(capacity);
  }

  /** The record on the line from `lineStart` to `lineEnd` whose object starts at `objectStart`. */
  add(lineStart: number, objectStart: number, lineEnd: number): void {
    if (this.count === this.codes.length) this.grow();
    const at = this.count++;
    const code = scanSourceRecord(this.bytes, objectStart, lineEnd);
    if (code >= 0) {
      this.pathStart[at] = scannedPath.start;
      this.pathEnd[at] = scannedPath.end;
      this.codes[at] = code;
      return;
    }
    const source = sourceOfRecord(this.bytes.toString("utf8", lineStart, lineEnd));
    const parsedCode = sourceCode(source.status, source.reason, source.pyc);
    if (parsedCode < 0 || typeof source.path !== "string")
      throw new AppError("inventory-blob-damaged", "a stored source record is not one the contract allows");
    (this.parsed ??= new Map()).set(at, source.path);
    this.pathStart[at] = -1;
    this.codes[at] = parsedCode;
  }

  path(i: number): string {
    const start = this.pathStart[i]!;
    return start < 0 ? this.parsed!.get(i)! : this.bytes.toString("utf8", start, this.pathEnd[i]);
  }

  /** Whether record `i` and record `j` of `other` have the same path (compared from the end, where paths differ). */
  samePath(i: number, other: SourceRecords, j: number): boolean {
    const [a, b] = [this.pathStart[i]!, other.pathStart[j]!];
    if (a < 0 || b < 0) return this.path(i) === other.path(j);
    const length = this.pathEnd[i]! - a;
    if (other.pathEnd[j]! - b !== length) return false;
    const [x, y] = [this.bytes, other.bytes];
    for (let k = length - 1; k >= 0; k--) if (x[a + k] !== y[b + k]) return false;
    return true;
  }

  private grow(): void {
    const size = this.codes.length * 2 + 16;
    const widen = <T extends Int32Array | Uint8Array>(from: T, to: T) => (to.set(from), to);
    this.pathStart = widen(this.pathStart, new Int32Array(size));
    this.pathEnd = widen(this.pathEnd, new Int32Array(size));
    this.codes = widen(this.codes, new Uint8Array(size));
  }
}
