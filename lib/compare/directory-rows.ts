import type { DirectoryTally } from "./directory-tally";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type DirectoryRow } from "./types";

/** Sorted as coverage lists directories: by path, in code-unit order. */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per-directory coverage where it differs, directories aligned by their path relative to the root: each pair's
 * left directories by path, then those only on the right. Only the directories that differ are sorted (the same
 * order as sorting them all): two snapshots of one deployment have tens of thousands in common.
 */
export function directoryRows(
  pairs: readonly [DirectoryTally | null, DirectoryTally | null][],
  limit = ROW_LIMIT,
): BoundedSection<DirectoryRow> {
  const out = boundedCollector<DirectoryRow>(limit);
  pairs.forEach(([left, right], pair) => {
    const matched = new Uint8Array(right?.size ?? 0);
    const differing: string[] = [];
    for (let l = 0; l < (left?.size ?? 0); l++) {
      const path = left!.nameOf(l);
      const r = right ? right.find(path) : -1;
      if (r >= 0) matched[r] = 1;
      if (r < 0 || !left!.sameCounts(l, right!, r)) differing.push(path);
    }
    for (const path of differing.sort(byPath)) {
      const r = right ? right.find(path) : -1;
      out.push({ pair, path, left: left!.countsOf(left!.find(path)), right: r < 0 ? null : right!.countsOf(r) });
    }
    const rightOnly: string[] = [];
    for (let r = 0; r < matched.length; r++) if (!matched[r]) rightOnly.push(right!.nameOf(r));
    for (const path of rightOnly.sort(byPath))
      out.push({ pair, path, left: null, right: right!.countsOf(right!.find(path)) });
  });
  return out.section;
}
