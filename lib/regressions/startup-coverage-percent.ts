import { coveragePercent } from "@/lib/analysis/coverage-percent";

export type CoverageRow = {
  status: string;
  sources: number;
  fresh: number;
  startupClosure: number | null;
  startupFresh: number | null;
};

/**
 * The coverage a CI gate and a regression are judged on: startup coverage from the summary row. A snapshot
 * taken before closures were collected has none, and falls back to all sources so its history still reads.
 * Null when there is nothing to cover. One function, so the gate, the alerts and the list agree.
 */
export function startupCoveragePercent(row: CoverageRow): number | null {
  if (row.status !== "ok") return null;
  if (row.startupClosure !== null) return coveragePercent(row.startupFresh ?? 0, row.startupClosure);
  return coveragePercent(row.fresh, row.sources);
}
