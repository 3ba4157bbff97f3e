type Pathed = { path: string };

/**
 * A list read by index: an array, or a SourceTable that makes each item on demand (so a packed root is never
 * turned into a million objects at once; only the unmatched middle below is kept).
 */
export type IndexedList<T> = { readonly length: number; at(index: number): T | undefined };

/**
 * Matches two lists by `path` (unique within each list: they are files of one root), calling `visit` for
 * every left item in order with its right counterpart or null, and returns the right items nobody matched,
 * in order. Two snapshots of one deployment list mostly the same files in the same (collector) order, so
 * the common head and tail are zipped index by index and only the part between them goes through a Map:
 * at 100k files a side, hashing 200k paths cost more than the rest of the file comparison.
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
  const rightByPath = new Map<string, T>();
  for (let i = head; i < right.length - tail; i++) {
    const r = right.at(i)!;
    rightByPath.set(r.path, r);
  }
  for (let i = head; i < left.length - tail; i++) {
    const l = left.at(i)!;
    const r = rightByPath.get(l.path);
    if (r) rightByPath.delete(l.path);
    visit(l, r ?? null);
  }
  const offset = right.length - left.length;
  for (let i = left.length - tail; i < left.length; i++) visit(left.at(i)!, right.at(i + offset)!);
  return [...rightByPath.values()];
}
