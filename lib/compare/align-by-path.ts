type Pathed = { path: string };

/**
 * Matches two lists by `path` (unique within each list: they are files of one root), calling `visit` for
 * every left item in order with its right counterpart or null, and returns the right items nobody matched,
 * in order. Two snapshots of one deployment list mostly the same files in the same (collector) order, so
 * the common head and tail are zipped index by index and only the part between them goes through a Map:
 * at 100k files a side, hashing 200k paths cost more than the rest of the file comparison.
 */
export function alignByPath<T extends Pathed>(
  left: readonly T[],
  right: readonly T[],
  visit: (l: T, r: T | null) => void,
): T[] {
  const shorter = Math.min(left.length, right.length);
  let head = 0;
  while (head < shorter && left[head]!.path === right[head]!.path) head++;
  let tail = 0;
  while (tail < shorter - head && left[left.length - 1 - tail]!.path === right[right.length - 1 - tail]!.path) tail++;
  for (let i = 0; i < head; i++) visit(left[i]!, right[i]!);
  const rightByPath = new Map<string, T>();
  for (let i = head; i < right.length - tail; i++) rightByPath.set(right[i]!.path, right[i]!);
  for (let i = head; i < left.length - tail; i++) {
    const l = left[i]!;
    const r = rightByPath.get(l.path);
    if (r) rightByPath.delete(l.path);
    visit(l, r ?? null);
  }
  const offset = right.length - left.length;
  for (let i = left.length - tail; i < left.length; i++) visit(left[i]!, right[i + offset]!);
  return [...rightByPath.values()];
}
