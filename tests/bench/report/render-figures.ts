import { median } from "../stats";
import type { BenchData, Figure } from "./bench-data";
import { figureRow, limitFigure, skippedFigure } from "./figure-row";
import { count, millis } from "./format";

/** What the render rows read: a full run's data, or `--only render`'s. */
export type RenderRowsData = Pick<BenchData, "render" | "tree">;

const outcome = (data: RenderRowsData) => data.render ?? { measured: false as const, reason: "not run" };

/** Issues 10 and 24: the snapshot page of the whole tree shows its first file row within 1 s, with few DOM rows: < 2,000. */
export function renderTable(data: RenderRowsData): Figure {
  const render = outcome(data);
  const base = {
    id: "render-table" as const,
    title: `Snapshot page of ${count(render.measured ? render.data.files : data.tree.counts.sources)} files in Chromium: first file-table row, rows in the DOM`,
    goal: "first row ≤ 1 s, < 2,000 DOM rows",
  };
  if (!render.measured) return skippedFigure(base, render.reason);
  const { runs } = render.data;
  const rows = Math.max(...runs.map((r) => r.domRows));
  const first = median(runs.map((r) => r.firstRowMs));
  // Issue 24: the first row within 1 s; the rows limit is exclusive (1,999 rows meet it). The worse of the two.
  const ratio = Math.max(rows / 1_999, first / 1_000);
  return figureRow(base, {
    met: ratio <= 1,
    measured: `${count(rows)} rows at most (scrolled to the end); first row after ${millis(first)} (median of ${runs.length}, from navigation start)`,
    ratio,
    ratioText: `${ratio.toFixed(2)} of limit`,
    missedBy: `${ratio.toFixed(2)}× the limit`,
    values: { maxDomRows: rows, firstRowMedianMs: first, firstRowRunsMs: runs.map((r) => Math.round(r.firstRowMs)) },
  });
}

/** Issue 10: the search box finds one file by name among all of them: < 1 s. */
export function renderSearch(data: RenderRowsData): Figure {
  const render = outcome(data);
  const base = {
    id: "render-search" as const,
    title: `Search by name on that page: typing the file's path until the table shows it alone`,
    goal: "< 1 s",
  };
  if (!render.measured) return skippedFigure(base, render.reason);
  const { runs, query } = render.data;
  const ms = median(runs.map((r) => r.searchMs));
  return limitFigure(base, ms, 1000, `${millis(ms)} (median of ${runs.length}; \`${query}\`)`, {
    searchMedianMs: ms,
    searchRunsMs: runs.map((r) => Math.round(r.searchMs)),
  });
}
