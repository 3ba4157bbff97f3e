import { coveragePercent } from "@/lib/analysis/coverage-percent";

export type HistoryRow = {
  id: string;
  takenAt: string;
  status: string;
  sources: number;
  fresh: number;
  startupClosure: number | null;
  startupFresh: number | null;
  startupBlocked: number | null;
  configHash: string | null;
  regressions?: string | null;
};
/** `startup` is the line (startup coverage %), `blocked` the second series; null before closures were collected. */
export type HistoryPoint = {
  id: string;
  when: string;
  startup: number | null;
  blocked: number | null;
  allSources: number | null;
  configChanged: boolean;
  regression: boolean;
};

/** Successful snapshots oldest first, with a flag where the service configuration differs from the one before. */
export function historyPoints(rows: HistoryRow[]): HistoryPoint[] {
  const ok = rows.filter((r) => r.status === "ok").sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return ok.map((row, i) => ({
    id: row.id,
    when: row.takenAt.replace("T", " ").slice(0, 19),
    startup: row.startupClosure === null ? null : coveragePercent(row.startupFresh ?? 0, row.startupClosure),
    blocked: row.startupBlocked,
    allSources: coveragePercent(row.fresh, row.sources),
    configChanged: i > 0 && row.configHash !== ok[i - 1]!.configHash,
    regression: Boolean(row.regressions),
  }));
}
