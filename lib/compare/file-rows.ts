import type { Root, Source } from "@/lib/snapshot/schema";
import { alignByPath } from "./align-by-path";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type FileRow, type FileSide } from "./types";
import type { RootPair } from "./types";

const side = (s: Source): FileSide => ({ status: s.status, reason: s.reason, pyc: s.pyc });

/**
 * Sources whose status differs or that exist on one side only, matched by path relative to their
 * root (see alignByPath: O(n) for 100k × 100k). Rows keep the collector's order: left, then right-only.
 */
export function fileRows(
  pairs: readonly RootPair[],
  roots: readonly [Root | null, Root | null][],
  limit = ROW_LIMIT,
): BoundedSection<FileRow> {
  const out = boundedCollector<FileRow>(limit);
  roots.forEach(([left, right], pair) => {
    const label = pairs[pair]?.label ?? "";
    const rightOnly = alignByPath(left?.sources ?? [], right?.sources ?? [], (l, r) => {
      if (!r || r.status !== l.status)
        out.push({ pair, root: label, path: l.path, left: side(l), right: r ? side(r) : null });
    });
    for (const r of rightOnly) out.push({ pair, root: label, path: r.path, left: null, right: side(r) });
  });
  return out.section;
}
