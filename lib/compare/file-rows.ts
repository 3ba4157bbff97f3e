import type { SourceList } from "@/lib/analysis/root-sources";
import type { Source } from "@/lib/snapshot/schema";
import { alignByPath } from "./align-by-path";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type FileRow, type FileSide } from "./types";
import type { RootPair } from "./types";

export const fileSide = (s: Source): FileSide => ({ status: s.status, reason: s.reason, pyc: s.pyc });
const NONE: SourceList = [];

/**
 * Sources whose status differs or that exist on one side only, matched by path relative to their
 * root (see alignByPath: O(n) for 100k × 100k). Rows keep the collector's order: left, then right-only.
 * `sources` holds each pair's two lists (a root's array or its SourceTable; null for a missing side).
 */
export function fileRows(
  pairs: readonly RootPair[],
  sources: readonly [SourceList | null, SourceList | null][],
  limit = ROW_LIMIT,
): BoundedSection<FileRow> {
  const out = boundedCollector<FileRow>(limit);
  sources.forEach(([left, right], pair) => {
    const label = pairs[pair]?.label ?? "";
    const rightOnly = alignByPath(left ?? NONE, right ?? NONE, (l, r) => {
      if (!r || r.status !== l.status)
        out.push({ pair, root: label, path: l.path, left: fileSide(l), right: r ? fileSide(r) : null });
    });
    for (const r of rightOnly) out.push({ pair, root: label, path: r.path, left: null, right: fileSide(r) });
  });
  return out.section;
}
