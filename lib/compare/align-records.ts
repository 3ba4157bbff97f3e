import type { SourceRecords } from "@/lib/snapshot/source-records";
import type { DirectoryTally } from "./directory-tally";
import { eventLoopTurns } from "@/lib/event-loop-turns";
import type { PairFileRows, WaitingSource } from "./pair-file-rows";

type Records = AsyncIterator<SourceRecords> | null;

/** One side's records, a piece at a time; the next piece is asked for in advance, so both blobs inflate at once. */
class Cursor {
  records: SourceRecords | null = null;
  i = 0;
  done: boolean;
  private next: Promise<IteratorResult<SourceRecords>> | null;

  constructor(
    private readonly pieces: Records,
    private readonly tally: DirectoryTally | null,
  ) {
    this.next = pieces ? pieces.next() : null;
    this.done = !pieces;
  }

  get ready(): boolean {
    return this.records !== null && this.i < this.records.count;
  }

  /** The next piece, counted in the side's coverage as it arrives. */
  async advance(): Promise<void> {
    const step = await this.next!;
    if (step.done) {
      [this.records, this.done] = [null, true];
      return;
    }
    this.next = this.pieces!.next();
    [this.records, this.i] = [step.value, 0];
    this.tally?.addRecords(step.value);
  }
}

/**
 * Matches one root pair's sources by path as both sides' records inflate (alignByPath's visits, in pieces): two
 * snapshots of one deployment list their files in the same order, so most records meet their counterpart at once,
 * compared as bytes; the others wait in a Map by path until theirs comes or their side ends. Every record is
 * counted in its side's tally on the way.
 */
export async function alignRecords(
  left: Records,
  right: Records,
  tallies: [DirectoryTally | null, DirectoryTally | null],
  rows: PairFileRows,
): Promise<void> {
  const [l, r] = [new Cursor(left, tallies[0]), new Cursor(right, tallies[1])];
  const waitingLeft = new Map<string, WaitingSource>();
  const waitingRight = new Map<string, number>();
  const turn = eventLoopTurns();
  const rightOnlyWaiting = () => {
    for (const [path, code] of waitingRight) rows.rightOnly(() => path, code);
    waitingRight.clear();
  };
  for (;;) {
    await turn();
    if (!l.ready && !l.done) await l.advance();
    else if (!r.ready && !r.done) await r.advance();
    else if (l.ready && r.ready) bothSides(l, r, rows, waitingLeft, waitingRight);
    else if (l.ready) {
      // The right has ended: a left source still waiting has no counterpart.
      for (const entry of waitingLeft.values()) rows.resolve(entry, null);
      waitingLeft.clear();
      const { records } = l;
      for (; l.i < records!.count; l.i++) {
        const path = waitingRight.size > 0 ? records!.path(l.i) : null;
        const match = path === null ? undefined : waitingRight.get(path);
        if (match !== undefined) waitingRight.delete(path!);
        rows.known(records!, l.i, match ?? null);
      }
    } else if (r.ready) {
      // The left has ended: a right source matches a waiting left one, or is on the right only.
      const { records } = r;
      for (; r.i < records!.count; r.i++) {
        const code = records!.codes[r.i]!;
        if (waitingLeft.size === 0) {
          rightOnlyWaiting();
          const at = r.i;
          rows.rightOnly(() => records!.path(at), code);
          continue;
        }
        const path = records!.path(r.i);
        const entry = waitingLeft.get(path);
        if (!entry) waitingRight.set(path, code);
        else {
          waitingLeft.delete(path);
          rows.resolve(entry, code);
        }
      }
    } else break;
  }
  for (const entry of waitingLeft.values()) rows.resolve(entry, null);
  rightOnlyWaiting();
}

/** Both sides have records: the same path is a match at once; otherwise each waits for its counterpart. */
function bothSides(
  l: Cursor,
  r: Cursor,
  rows: PairFileRows,
  waitingLeft: Map<string, WaitingSource>,
  waitingRight: Map<string, number>,
): void {
  const [lr, rr] = [l.records!, r.records!];
  let [i, j] = [l.i, r.i];
  while (i < lr.count && j < rr.count) {
    if (lr.samePath(i, rr, j)) {
      rows.known(lr, i++, rr.codes[j++]!);
      continue;
    }
    const [lp, rp] = [lr.path(i), rr.path(j)];
    const match = waitingRight.get(lp);
    if (match !== undefined) {
      // The left has caught up with a right source that went ahead.
      waitingRight.delete(lp);
      rows.known(lr, i++, match);
      continue;
    }
    const entry = waitingLeft.get(rp);
    if (entry) {
      waitingLeft.delete(rp);
      rows.resolve(entry, rr.codes[j++]!);
      continue;
    }
    waitingLeft.set(lp, rows.waiting(lp, lr.codes[i++]!));
    waitingRight.set(rp, rr.codes[j++]!);
  }
  [l.i, r.i] = [i, j];
}
