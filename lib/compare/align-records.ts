import type { SourceRecords } from "@/lib/snapshot/source-records";
import type { DirectoryTally } from "./directory-tally";
import { eventLoopTurns } from "@/lib/event-loop-turns";
import type { PairFileRows } from "./pair-file-rows";
import { PathMatcher } from "./path-matcher";

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
 * Matches one root pair's sources by path (PathMatcher) as both sides' records inflate, compared as bytes, a piece at
 * a time; every record is counted in its side's tally on the way.
 */
export async function alignRecords(
  left: Records,
  right: Records,
  tallies: [DirectoryTally | null, DirectoryTally | null],
  rows: PairFileRows,
): Promise<void> {
  const [l, r] = [new Cursor(left, tallies[0]), new Cursor(right, tallies[1])];
  const matcher = new PathMatcher<SourceRecords>(rows);
  const turn = eventLoopTurns();
  for (;;) {
    await turn();
    if (!l.ready && !l.done) await l.advance();
    else if (!r.ready && !r.done) await r.advance();
    else if (l.ready && r.ready) [l.i, r.i] = matcher.both(l.records!, l.i, r.records!, r.i);
    else if (l.ready) {
      matcher.rightEnded(l.records!, l.i);
      l.i = l.records!.count;
    } else if (r.ready) {
      matcher.leftEnded(r.records!, r.i);
      r.i = r.records!.count;
    } else break;
  }
  matcher.finish();
}
