import type { FileRow } from "./file-rows";

export type FileFilter = { query: string; statuses: ReadonlySet<FileRow["status"]>; blockedOnly: boolean };

/** The rows matching a case-insensitive substring of root/path and the chosen statuses, in their order. */
export function filterFileRows(rows: readonly FileRow[], filter: FileFilter): FileRow[] {
  const needle = filter.query.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.statuses.size === 0 || filter.statuses.has(row.status)) &&
      (!filter.blockedOnly || row.blocked) &&
      (needle === "" || `${row.root}/${row.path}`.toLowerCase().includes(needle)),
  );
}
