import { coveragePercent } from "@/lib/analysis/coverage-percent";

export type HistoryRow = { id: string; takenAt: string; status: string; sources: number; fresh: number; configHash: string | null };
export type HistoryPoint = { id: string; when: string; coverage: number; configChanged: boolean };

/** Successful snapshots oldest first, with a flag where the service configuration differs from the one before. */
export function historyPoints(rows: HistoryRow[]): HistoryPoint[] {
  const ok = rows.filter((r) => r.status === "ok").sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return ok.map((row, i) => ({
    id: row.id,
    when: row.takenAt.replace("T", " ").slice(0, 19),
    coverage: coveragePercent(row.fresh, row.sources) ?? 0,
    configChanged: i > 0 && row.configHash !== ok[i - 1]!.configHash,
  }));
}
