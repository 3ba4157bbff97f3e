import type { FileRow } from "./file-rows";

export type FileFilter = { query: string; statuses: ReadonlySet<FileRow["status"]>; blockedOnly: boolean };

/**
 * How a search for `needle` (lower-cased) judges the root part of `${root}/${path}`: the root holds the needle
 * (`whole`: every path under it matches), or a head of the needle ends the root and the path must start with one
 * of `rests`. The one rule both the in-memory filter and the file index's query (lib/db/file-index) apply, once
 * per root, so that no row builds or stores `${root}/${path}`.
 */
export function rootMatchOf(root: string, needle: string): { whole: boolean; rests: string[] } {
  const head = `${root}/`.toLowerCase();
  if (head.includes(needle)) return { whole: true, rests: [] };
  const rests: string[] = [];
  for (let k = 1; k < needle.length; k++) if (head.endsWith(needle.slice(0, k))) rests.push(needle.slice(k));
  return { whole: false, rests };
}

/**
 * Whether `${root}/${path}` (lower-cased) holds `needle`, without building that string for every row: at 100k
 * rows a search allocated 100k strings twice.
 */
function pathMatcher(needle: string): (row: FileRow, lowerPath: string) => boolean {
  const roots = new Map<string, { whole: boolean; rests: string[] }>();
  return (row, lowerPath) => {
    let root = roots.get(row.root);
    if (!root) roots.set(row.root, (root = rootMatchOf(row.root, needle)));
    return root.whole || lowerPath.includes(needle) || root.rests.some((rest) => lowerPath.startsWith(rest));
  };
}

/** Each row's path lower-cased (the same string when it has no capitals), for filterFileRows to reuse. */
export const lowerPathsOf = (rows: readonly FileRow[]): string[] => rows.map((row) => row.path.toLowerCase());

/**
 * The rows matching a case-insensitive substring of root/path and the chosen statuses, in their order.
 * `lowerPaths` (lowerPathsOf(rows)) saves lower-casing every path again when one table is searched often.
 */
export function filterFileRows(
  rows: readonly FileRow[],
  filter: FileFilter,
  lowerPaths?: readonly string[],
): FileRow[] {
  const needle = filter.query.trim().toLowerCase();
  const matches = needle === "" ? null : pathMatcher(needle);
  const out: FileRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (filter.statuses.size !== 0 && !filter.statuses.has(row.status)) continue;
    if (filter.blockedOnly && !row.blocked) continue;
    if (matches && !matches(row, lowerPaths?.[i] ?? row.path.toLowerCase())) continue;
    out.push(row);
  }
  return out;
}

/**
 * One page of the rows matching `filter` (as filterFileRows judges them), with how many match in all, in one pass
 * over rows made one at a time: only the page is kept.
 */
export function pageOfFileRows(
  rows: Iterable<FileRow>,
  filter: FileFilter,
  offset: number,
  limit: number,
): { total: number; rows: FileRow[] } {
  const needle = filter.query.trim().toLowerCase();
  const matches = needle === "" ? null : pathMatcher(needle);
  const page: FileRow[] = [];
  let total = 0;
  for (const row of rows) {
    if (filter.statuses.size !== 0 && !filter.statuses.has(row.status)) continue;
    if (filter.blockedOnly && !row.blocked) continue;
    if (matches && !matches(row, row.path.toLowerCase())) continue;
    if (total >= offset && total < offset + limit) page.push(row);
    total++;
  }
  return { total, rows: page };
}
