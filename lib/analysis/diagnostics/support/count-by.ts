/** Counts items by key, most frequent first (ties by key), e.g. for "root:root 0755 (12 directories)". */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string | null): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** "mtime 10, size 2" — the top entries of countBy, with the rest summed up. */
export function formatCounts(counts: [string, number][], limit = 4): string {
  const shown = counts.slice(0, limit).map(([k, n]) => `${k} ${n}`);
  const rest = counts.slice(limit).reduce((sum, [, n]) => sum + n, 0);
  return rest > 0 ? `${shown.join(", ")}, other ${rest}` : shown.join(", ");
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** "1 module has" / "3 modules have": the verb agreeing with a count. */
export const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many);
