import type { CoverageCounts, RootDirectories } from "@/lib/analysis/coverage";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type DirectoryRow } from "./types";

const sameCounts = (a: CoverageCounts, b: CoverageCounts) =>
  a.sources === b.sources &&
  a.fresh === b.fresh &&
  a.stale === b.stale &&
  a.missing === b.missing &&
  a.unreadable === b.unreadable;

/** Per-directory coverage where it differs, directories aligned by their path relative to the root. */
export function directoryRows(
  pairs: readonly [RootDirectories | null, RootDirectories | null][],
  limit = ROW_LIMIT,
): BoundedSection<DirectoryRow> {
  const out = boundedCollector<DirectoryRow>(limit);
  pairs.forEach(([left, right], pair) => {
    const rightDirs = new Map((right?.dirs ?? []).map((d) => [d.path, d]));
    for (const l of left?.dirs ?? []) {
      const r = rightDirs.get(l.path) ?? null;
      rightDirs.delete(l.path);
      const { path, ...lc } = l;
      if (!r) out.push({ pair, path, left: lc, right: null });
      else if (!sameCounts(l, r)) out.push({ pair, path, left: lc, right: strip(r) });
    }
    for (const r of rightDirs.values()) out.push({ pair, path: r.path, left: null, right: strip(r) });
  });
  return out.section;
}

const strip = ({ path: _path, ...counts }: CoverageCounts & { path: string }): CoverageCounts => counts;
