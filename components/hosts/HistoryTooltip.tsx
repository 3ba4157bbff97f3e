"use client";

import { formatPercent } from "@/lib/analysis/coverage-percent";
import type { HistoryPoint } from "./history-points";

type Props = { active?: boolean; payload?: ReadonlyArray<{ payload?: HistoryPoint }> };

/** The history chart's hover card: the point's numbers and, at a marker, what changed since the point before. */
export function HistoryTooltip({ active, payload }: Props) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-medium">{point.when} UTC</p>
      <p>startup coverage: {point.startup === null ? "–" : `${point.startup}%`}</p>
      <p>blocked: {point.blocked ?? "–"}</p>
      <p>coverage (all sources): {point.allSources === null ? "–" : `${point.allSources}%`}</p>
      <p>
        stale: {formatPercent(point.staleShare)} · missing: {formatPercent(point.missingShare)}
      </p>
      {point.changes.length > 0 && (
        <ul className="mt-1 text-violet-700">
          {point.changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-slate-600">click to open this snapshot</p>
    </div>
  );
}
