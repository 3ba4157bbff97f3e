import { pycOfCode, reasonOfCode, sameStatus, statusOfCode } from "@/lib/snapshot/source-codes";
import type { SourceRecords } from "@/lib/snapshot/source-records";
import { InOrderQueue } from "./in-order-queue";
import type { BoundedCollector, FileRow, FileSide } from "./types";

/** A left source whose counterpart is not known yet (`match` undefined), then its counterpart's code or null. */
export type WaitingSource = { path: string; code: number; match: number | null | undefined; queued: boolean };

const sideOf = (code: number): FileSide => ({
  status: statusOfCode(code),
  reason: reasonOfCode(code),
  pyc: pycOfCode(code),
});
const differs = (code: number, match: number | null) => match === null || !sameStatus(code, match);

/**
 * One root pair's file rows in compare()'s order (each left source in order, then the right-only ones) while the
 * sources arrive in any order: a left source whose counterpart is not known yet holds back the rows after it. Held
 * back are only rows that can still be among the section's first `limit`; beyond them rows are counted, not made.
 */
export class PairFileRows {
  private readonly queue = new InOrderQueue<WaitingSource>();
  /** Rows in the queue whose counterpart is known. */
  private queuedRows = 0;

  constructor(
    private readonly out: BoundedCollector<FileRow>,
    private readonly pair: number,
    private readonly root: string,
  ) {}

  /** Left record `i` of `records`, whose counterpart (its code, or null: none) is known. */
  known(records: SourceRecords, i: number, match: number | null): void {
    const code = records.codes[i]!;
    if (!differs(code, match)) return;
    if (this.queue.empty) this.emit(() => records.path(i), code, match);
    else if (this.hasRoom()) {
      this.queue.push({ path: records.path(i), code, match, queued: true });
      this.queuedRows++;
    } else this.out.count();
  }

  /** A left source whose counterpart is not known yet: resolve() it once it is. */
  waiting(path: string, code: number): WaitingSource {
    const entry: WaitingSource = { path, code, match: undefined, queued: this.hasRoom() };
    if (entry.queued) this.queue.push(entry);
    return entry;
  }

  resolve(entry: WaitingSource, match: number | null): void {
    entry.match = match;
    if (differs(entry.code, match)) {
      if (entry.queued) this.queuedRows++;
      else this.out.count();
    }
    this.flush();
  }

  /** A right source no left one has: called after every left source was resolved, in the right's order. */
  rightOnly(path: () => string, code: number): void {
    if (this.out.full()) this.out.count();
    else this.out.push({ pair: this.pair, root: this.root, path: path(), left: null, right: sideOf(code) });
  }

  private emit(path: () => string, code: number, match: number | null): void {
    if (this.out.full()) this.out.count();
    else
      this.out.push({
        pair: this.pair,
        root: this.root,
        path: path(),
        left: sideOf(code),
        right: match === null ? null : sideOf(match),
      });
  }

  /** A row queued now comes after every row emitted or queued before it. */
  private hasRoom(): boolean {
    return this.out.section.rows.length + this.queuedRows < this.out.section.limit;
  }

  private flush(): void {
    this.queue.drain(({ path, code, match }) => {
      if (!differs(code, match!)) return;
      this.queuedRows--;
      this.emit(() => path, code, match!);
    });
  }
}
