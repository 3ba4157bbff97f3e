export type HistoryRow = {
  id: string;
  takenAt: string;
  status: string;
  sources: number;
  fresh: number;
  configHash: string | null;
  regressions?: string | null;
};
export type HistoryPoint = { id: string; when: string; coverage: number; configChanged: boolean; regression: boolean };

/** Successful snapshots oldest first, with a flag where the service configuration differs from the one before. */
export function historyPoints(rows: HistoryRow[]): HistoryPoint[] {
  const ok = rows.filter((r) => r.status === "ok").sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return ok.map((row, i) => ({
    id: row.id,
    when: row.takenAt.replace("T", " ").slice(0, 19),
    coverage: row.sources ? Math.round((row.fresh / row.sources) * 1000) / 10 : 0,
    configChanged: i > 0 && row.configHash !== ok[i - 1]!.configHash,
    regression: Boolean(row.regressions),
  }));
}
