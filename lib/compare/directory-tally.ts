import { dirOf, type CoverageCounts } from "@/lib/analysis/coverage";
import { coveragePercent } from "@/lib/analysis/coverage-percent";
import { trustsStaleHash } from "@/lib/analysis/runs-old-code";
import type { Interpreter, Source } from "@/lib/snapshot/schema";
import { pycOfCode, reasonOfCode, SOURCE_CODES, STATUSES, statusOfCode } from "@/lib/snapshot/source-codes";
import type { SourceRecords } from "@/lib/snapshot/source-records";

/** Per directory: sources, then fresh, stale, missing, unreadable (STATUSES' order). */
const COLUMNS = 5;
const SLASH = 47;
type Counts = [number, number, number, number, number];

/**
 * The column each source code is counted in, under the interpreter's rules: a trusted hash pyc of an edited source
 * is loaded all the same, so it counts as fresh (see coverageOf).
 */
export function countingColumns(interpreter: Interpreter | null): Uint8Array {
  const loadsStale = trustsStaleHash(interpreter);
  const columns = new Uint8Array(SOURCE_CODES);
  for (let code = 0; code < SOURCE_CODES; code++) {
    const source = { status: statusOfCode(code), reason: reasonOfCode(code), pyc: pycOfCode(code) } as Source;
    columns[code] = loadsStale(source) ? 1 : 1 + STATUSES.indexOf(source.status);
  }
  return columns;
}

/**
 * One root's coverage per directory (its path relative to the root), packed: an index per directory and its counts
 * in one typed array, so tens of thousands of directories a side are not as many objects. Consecutive sources of
 * one directory (the collector lists a directory's files together) are counted without looking it up again.
 */
export class DirectoryTally {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private counts = new Int32Array(COLUMNS * 256);
  private last: { bytes: Buffer; start: number; end: number; id: number } | null = null;

  constructor(private readonly columns: Uint8Array) {}

  get size(): number {
    return this.names.length;
  }

  /** Counts a source by its root-relative path and code (source-codes.ts). */
  add(path: string, code: number): void {
    this.last = null;
    this.count(this.idOf(dirOf(path)), code);
  }

  addRecords(records: SourceRecords): void {
    const { bytes, pathStart, pathEnd, codes } = records;
    for (let i = 0; i < records.count; i++) {
      const start = pathStart[i]!;
      if (start < 0) {
        this.add(records.path(i), codes[i]!);
        continue;
      }
      let slash = pathEnd[i]! - 1;
      while (slash >= start && bytes[slash] !== SLASH) slash--;
      const end = Math.max(slash, start);
      const last = this.last;
      let id: number;
      if (last && sameBytes(last.bytes, last.start, last.end, bytes, start, end)) id = last.id;
      else {
        id = this.idOf(bytes.toString("utf8", start, end));
        this.last = { bytes, start, end, id };
      }
      this.count(id, codes[i]!);
    }
  }

  /** The directory's index, or -1. */
  find(dir: string): number {
    return this.ids.get(dir) ?? -1;
  }

  nameOf(id: number): string {
    return this.names[id]!;
  }

  countsOf(id: number): CoverageCounts {
    const at = id * COLUMNS;
    const [sources, fresh, stale, missing, unreadable] = this.counts.subarray(at, at + COLUMNS) as unknown as Counts;
    return { sources, fresh, stale, missing, unreadable, percent: coveragePercent(fresh, sources) };
  }

  sameCounts(id: number, other: DirectoryTally, otherId: number): boolean {
    for (let k = 0; k < COLUMNS; k++)
      if (this.counts[id * COLUMNS + k] !== other.counts[otherId * COLUMNS + k]) return false;
    return true;
  }

  /** Every directory's counts added into `sums` (sources, fresh, stale, missing, unreadable). */
  addTotals(sums: number[]): void {
    for (let at = 0; at < this.names.length * COLUMNS; at++)
      sums[at % COLUMNS] = sums[at % COLUMNS]! + this.counts[at]!;
  }

  private count(id: number, code: number): void {
    const at = id * COLUMNS;
    this.counts[at] = this.counts[at]! + 1;
    this.counts[at + this.columns[code]!] = this.counts[at + this.columns[code]!]! + 1;
  }

  private idOf(dir: string): number {
    let id = this.ids.get(dir);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(dir, id);
      this.names.push(dir);
      if ((id + 1) * COLUMNS > this.counts.length) {
        const wider = new Int32Array(this.counts.length * 2);
        wider.set(this.counts);
        this.counts = wider;
      }
    }
    return id;
  }
}

function sameBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number) {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = aEnd - aStart - 1; k >= 0; k--) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/** A side's overall coverage: every directory of every root. */
export function overallOf(tallies: readonly DirectoryTally[]): CoverageCounts {
  const sums = [0, 0, 0, 0, 0];
  for (const tally of tallies) tally.addTotals(sums);
  const [sources, fresh, stale, missing, unreadable] = sums as Counts;
  return { sources, fresh, stale, missing, unreadable, percent: coveragePercent(fresh, sources) };
}
