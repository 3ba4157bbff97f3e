import type { SourceList } from "@/lib/analysis/root-sources";
import { ListRecords } from "./list-records";
import { PairFileRows } from "./pair-file-rows";
import { PathMatcher } from "./path-matcher";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type FileRow, type RootPair } from "./types";

const NONE: SourceList = [];

/**
 * Sources whose status differs or that exist on one side only, matched by path relative to their root
 * (PathMatcher: O(n) for 100k × 100k). Rows keep the collector's order: left, then right-only.
 * `sources` holds each pair's two lists (a root's array or its SourceTable; null for a missing side).
 */
export function fileRows(
  pairs: readonly RootPair[],
  sources: readonly [SourceList | null, SourceList | null][],
  limit = ROW_LIMIT,
): BoundedSection<FileRow> {
  const out = boundedCollector<FileRow>(limit);
  sources.forEach(([left, right], pair) => {
    const matcher = new PathMatcher<ListRecords>(new PairFileRows(out, pair, pairs[pair]?.label ?? ""));
    matcher.whole(new ListRecords(left ?? NONE), new ListRecords(right ?? NONE));
  });
  return out.section;
}
