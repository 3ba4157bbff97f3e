import type { ComparePageFigures } from "../rss/compare-page-rss";
import type { Figure } from "./bench-data";
import { limitFigure, skippedFigure } from "./figure-row";
import { bytes, count, seconds } from "./format";

/** Issue 24: the dashboard serving the compare page of two --large-sources snapshots: peak RSS ≤ 400 MB. */
export function dashboardCompareRss(page: ComparePageFigures | null, sources: number, reason: string): Figure {
  const base = {
    id: "dashboard-compare-rss" as const,
    title: `Peak RSS of the dashboard while it serves the compare page of two ${count(sources)}-source snapshots`,
    goal: "≤ 400 MB",
  };
  if (!page) return skippedFigure(base, reason);
  return limitFigure(
    base,
    page.peakBytes,
    400e6,
    `${bytes(page.peakBytes)} VmHWM (${bytes(page.baselinePeakBytes)} before the page; page served in ${seconds(page.pageMs)}, ${bytes(page.pageBytes)})`,
    { peakBytes: page.peakBytes, baselinePeakBytes: page.baselinePeakBytes, pageMs: Math.round(page.pageMs) },
  );
}

/** Issue 24: no decode or query blocks the dashboard's event loop for more than 50 ms. */
export function eventLoopCompare(page: ComparePageFigures | null, sources: number, reason: string): Figure {
  const base = {
    id: "event-loop-compare" as const,
    title: `Longest event-loop delay of the dashboard while it serves that page (${count(sources)} sources a side; monitorEventLoopDelay)`,
    goal: "≤ 50 ms",
  };
  if (!page) return skippedFigure(base, reason);
  return limitFigure(
    base,
    page.eventLoopMaxMs,
    50,
    `${page.eventLoopMaxMs} ms at most (p99 ${page.eventLoopP99Ms} ms)`,
    {
      eventLoopMaxMs: page.eventLoopMaxMs,
      eventLoopP99Ms: page.eventLoopP99Ms,
    },
  );
}
