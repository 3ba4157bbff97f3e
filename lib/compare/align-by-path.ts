import { PathAligner } from "./path-aligner";

type Pathed = { path: string };

/**
 * A list read by index: an array, or a SourceTable that makes each item on demand (so a packed root is never
 * turned into a million objects at once; only the unmatched middle below is kept).
 */
export type IndexedList<T> = { readonly length: number; at(index: number): T | undefined };

/**
 * PathAligner for two whole lists: calls `visit` for every left item in order with its right counterpart or
 * null, and returns the right items nobody matched, in order. Two snapshots of one deployment list mostly the
 * same files in the same (collector) order, so the common head and tail are zipped index by index and only the
 * part between them is matched by path: at 100k files a side, hashing 200k paths cost more than the rest of the
 * file comparison.
 */
export function alignByPath<T extends Pathed>(
  left: IndexedList<T>,
  right: IndexedList<T>,
  visit: (l: T, r: T | null) => void,
): T[] {
  const shorter = Math.min(left.length, right.length);
  // Items are read once each where possible: a SourceTable makes a new object per read.
  let head = 0;
  for (; head < shorter; head++) {
    const l = left.at(head)!;
    const r = right.at(head)!;
    if (l.path !== r.path) break;
    visit(l, r);
  }
  let tail = 0;
  while (tail < shorter - head && left.at(left.length - 1 - tail)!.path === right.at(right.length - 1 - tail)!.path)
    tail++;
  // The right middle first: then each left item finds its match waiting and is visited at once.
  const middle = new PathAligner<T>(visit);
  const leftEnd = left.length - tail;
  for (let i = head; i < right.length - tail; i++) middle.right(right.at(i)!);
  middle.endRight();
  for (let i = head; i < leftEnd; i++) {
    middle.left(left.at(i)!);
    middle.flush();
  }
  const rightOnly = middle.finish();
  const offset = right.length - left.length;
  for (let i = leftEnd; i < left.length; i++) visit(left.at(i)!, right.at(i + offset)!);
  return rightOnly;
}
