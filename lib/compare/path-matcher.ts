import type { PairFileRows, WaitingSource } from "./pair-file-rows";

/**
 * What matching by path reads of one side's sources, a piece or a whole root at a time: stored records
 * (SourceRecords, paths as bytes of an inflated blob) and decoded ones (ListRecords) both are.
 */
export interface PathRecords {
  readonly count: number;
  /** Each source's status, reason and pyc kind (source-codes.ts). */
  readonly codes: Uint8Array;
  path(i: number): string;
  /** Whether record `i` and record `j` of `other` have the same path (cheaper than comparing path()s). */
  samePath(i: number, other: this, j: number): boolean;
}

/**
 * Matches one root pair's sources by path (unique within a root), handed over in pieces as they inflate or as two
 * whole lists (`whole`), into the pair's file rows. Two snapshots of one deployment list their files in the same
 * order, so most sources meet their counterpart at once, at the same position; the others wait in a Map by path
 * until theirs comes or their side ends. Only what is unmatched is held: hashing every path of two 100k roots cost
 * more than the rest of their comparison.
 */
export class PathMatcher<R extends PathRecords> {
  private readonly waitingLeft = new Map<string, WaitingSource>();
  private readonly waitingRight = new Map<string, number>();

  constructor(private readonly rows: PairFileRows) {}

  /** Two whole lists. */
  whole(left: R, right: R): void {
    const [i, j] = this.both(left, 0, right, 0);
    if (j === right.count) this.rightEnded(left, i);
    else this.leftEnded(right, j);
    this.finish();
  }

  /** Both sides have records (`l` from `i`, `r` from `j`): matches until one runs out; returns where each stopped. */
  both(l: R, i: number, r: R, j: number): [number, number] {
    const { rows, waitingLeft, waitingRight } = this;
    while (i < l.count && j < r.count) {
      if (l.samePath(i, r, j)) {
        rows.known(l, i++, r.codes[j++]!);
        continue;
      }
      const [lp, rp] = [l.path(i), r.path(j)];
      const match = waitingRight.get(lp);
      if (match !== undefined) {
        // The left has caught up with a right source that went ahead.
        waitingRight.delete(lp);
        rows.known(l, i++, match);
        continue;
      }
      const entry = waitingLeft.get(rp);
      if (entry) {
        waitingLeft.delete(rp);
        rows.resolve(entry, r.codes[j++]!);
        continue;
      }
      waitingLeft.set(lp, rows.waiting(lp, l.codes[i++]!));
      waitingRight.set(rp, r.codes[j++]!);
    }
    return [i, j];
  }

  /** The right side has ended: a left source still waiting has no counterpart; `l`'s records from `i` are matched. */
  rightEnded(l: R, i: number): void {
    const { rows, waitingLeft, waitingRight } = this;
    for (const entry of waitingLeft.values()) rows.resolve(entry, null);
    waitingLeft.clear();
    for (; i < l.count; i++) {
      const path = waitingRight.size > 0 ? l.path(i) : null;
      const match = path === null ? undefined : waitingRight.get(path);
      if (match !== undefined) waitingRight.delete(path!);
      rows.known(l, i, match ?? null);
    }
  }

  /** The left side has ended: `r`'s records from `j` match a waiting left source or are on the right only. */
  leftEnded(r: R, j: number): void {
    const { rows, waitingLeft, waitingRight } = this;
    for (; j < r.count; j++) {
      const code = r.codes[j]!;
      if (waitingLeft.size === 0) {
        this.rightOnlyWaiting();
        const at = j;
        rows.rightOnly(() => r.path(at), code);
        continue;
      }
      const path = r.path(j);
      const entry = waitingLeft.get(path);
      if (!entry) waitingRight.set(path, code);
      else {
        waitingLeft.delete(path);
        rows.resolve(entry, code);
      }
    }
  }

  /** Both sides have ended. */
  finish(): void {
    for (const entry of this.waitingLeft.values()) this.rows.resolve(entry, null);
    this.waitingLeft.clear();
    this.rightOnlyWaiting();
  }

  private rightOnlyWaiting(): void {
    for (const [path, code] of this.waitingRight) this.rows.rightOnly(() => path, code);
    this.waitingRight.clear();
  }
}
