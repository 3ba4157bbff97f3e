import type { FileRow } from "@/lib/analysis/file-rows";

/** Rows the file table asks for at once. */
export const FILE_PAGE_SIZE = 500;
/** A row's height and the scroller's (h-[28rem]), in px: the first screen is laid out before any measuring. */
export const ROW_HEIGHT = 28;
export const SCROLLER_PX = 448;
/** Rows the virtualizer renders beyond the visible ones. */
export const OVERSCAN = 20;
/**
 * Rows the server reads into the page: the first screen and its overscan, all the table renders before the
 * scripts run. The rest of the first page is fetched after hydration, so every view's HTML stays small.
 */
export const SERVER_ROWS = Math.ceil(SCROLLER_PX / ROW_HEIGHT) + OVERSCAN;

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

/** The first rows of the table as the server rendered them (SERVER_ROWS at most), for the filter they were read with. */
export type FirstFilePage = { filter: string; total: number; rows: FileRow[] };
