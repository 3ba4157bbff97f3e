import type { FileRow } from "@/lib/analysis/file-rows";

/** Rows the file table asks for at once. */
export const FILE_PAGE_SIZE = 500;

/** The table's filters as the query string of /api/snapshots/:id/files: the page and its client build it alike. */
export function fileTableFilter(query: string, statuses: ReadonlySet<string>, blocked: boolean): string {
  const filter = new URLSearchParams();
  if (query) filter.set("q", query);
  if (statuses.size) filter.set("status", [...statuses].join(","));
  if (blocked) filter.set("blocked", "1");
  return filter.toString();
}

/** The statuses named in the URL's `status` parameter. */
export const statusesOf = (param: string | null | undefined): Set<string> =>
  new Set((param ?? "").split(",").filter(Boolean));

/** The first page of the table as the server rendered it, for the filter it was read with. */
export type FirstFilePage = { filter: string; total: number; rows: FileRow[] };
