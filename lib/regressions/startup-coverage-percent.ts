/**
 * The coverage a CI gate and a regression are judged on. Until the startup-closure counts land this is
 * the all-sources coverage of the summary row (fresh / sources, rounded down like lib/analysis/coverage);
 * null when there is nothing to cover. One function, so the gate, the alerts and the list agree.
 */
export function startupCoveragePercent(row: { status: string; sources: number; fresh: number }): number | null {
  if (row.status !== "ok" || row.sources === 0) return null;
  return Math.floor((row.fresh * 1000) / row.sources) / 10;
}
