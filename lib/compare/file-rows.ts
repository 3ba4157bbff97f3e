import type { SourceList } from "@/lib/analysis/root-sources";
import type { Source } from "@/lib/snapshot/schema";
import { alignByPath } from "./align-by-path";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type FileRow, type FileSide } from "./types";
import type { RootPair } from "./types";

const fileSide = (s: Source): FileSide => ({ status: s.status, reason: s.reason, pyc: s.pyc });
const NONE: SourceList = [];

/**
 * The rows of one pair of roots as its sources are matched by path: `matched` for each left source with its
 * counterpart or null (a row when the status differs or there is none), `rightOnly` for each right source left.
 */
export function pairFileRows(out: { push(row: FileRow): void }, pair: number, root: string) {
  return {
    matched(l: Source, r: Source | null) {
      if (!r || r.status !== l.status)
        out.push({ pair, root, path: l.path, left: fileSide(l), right: r ? fileSide(r) : null });
    },
    rightOnly(r: Source) {
      out.push({ pair, root, path: r.path, left: null, right: fileSide(r) });
    },
  };
}

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
    const rows = pairFileRows(out, pair, pairs[pair]?.label ?? "");
    alignByPath(left ?? NONE, right ?? NONE, rows.matched).forEach(rows.rightOnly);
  });
  return out.section;
}
