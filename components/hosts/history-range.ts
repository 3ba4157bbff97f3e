/** The history chart's range presets, as Grafana users expect them; `?range=` keeps the choice in the URL. */
export const HISTORY_RANGES = [
  { key: "24h", label: "24 h", ms: 86_400_000 },
  { key: "7d", label: "7 d", ms: 7 * 86_400_000 },
  { key: "30d", label: "30 d", ms: 30 * 86_400_000 },
  { key: "all", label: "all", ms: null },
] as const;

export type HistoryRangeKey = (typeof HISTORY_RANGES)[number]["key"];

/** `?range=` from the URL; anything else is "all", never an error. */
export function historyRange(value: string | string[] | undefined): HistoryRangeKey {
  return HISTORY_RANGES.find((r) => r.key === value)?.key ?? "all";
}

/** The time axis' [from, to] in epoch ms for a preset at `now`; null for "all" (the data's own extent). */
export function rangeDomain(key: HistoryRangeKey, now: number): [number, number] | null {
  const ms = HISTORY_RANGES.find((r) => r.key === key)?.ms ?? null;
  return ms === null ? null : [now - ms, now];
}

/**
 * Which of the markers at these times get a number label: each at least `minGap` of the axis span after the
 * last one labelled, so labels never overlap one another (every marker is still listed below the chart).
 */
export function labelledMarkers(times: readonly number[], span: number, minGap = 0.05): Set<number> {
  const shown = new Set<number>();
  let last = -Infinity;
  for (const t of [...times].sort((a, b) => a - b)) {
    if (t - last >= span * minGap) {
      shown.add(t);
      last = t;
    }
  }
  return shown;
}
