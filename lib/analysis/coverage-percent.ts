/**
 * The one coverage percentage every screen, export and command shows: fresh / sources, rounded DOWN to
 * one decimal so that 100 means every source is fresh (999 of 1000 is 99.9, never 100). Null when there
 * are no sources: nothing to cover is neither 0 % nor 100 %.
 */
export function coveragePercent(fresh: number, sources: number): number | null {
  return sources === 0 ? null : Math.floor((fresh * 1000) / sources) / 10;
}

/** A percentage for text: "64.7%", or "–" when there is none. */
export function formatPercent(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? "–" : `${percent}%`;
}

export type CoverageRow = {
  status: string;
  sources: number;
  fresh: number;
  startupClosure: number | null;
  startupFresh: number | null;
};

/**
 * The coverage a CI gate, a regression and the host list are judged on: startup coverage from the summary row. A snapshot
 * taken before closures were collected has none, and falls back to all sources so its history still reads.
 * Null when there is nothing to cover. One function, so the gate, the alerts and the list agree.
 */
export function startupCoveragePercent(row: CoverageRow): number | null {
  if (row.status !== "ok") return null;
  if (row.startupClosure !== null) return coveragePercent(row.startupFresh ?? 0, row.startupClosure);
  return coveragePercent(row.fresh, row.sources);
}
