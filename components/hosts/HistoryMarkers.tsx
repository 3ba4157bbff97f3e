import Link from "next/link";
import type { HistoryPoint } from "./history-points";

const short = (change: string) => (change.startsWith("service configuration") ? "config changed" : change);

/** The chart's numbered markers in words: when, and what changed (or that coverage regressed). */
export function HistoryMarkers({ markers }: { markers: { point: HistoryPoint; n: number }[] }) {
  if (markers.length === 0) return null;
  return (
    <ol className="mt-3 space-y-1 text-xs text-slate-700" aria-label="Changes marked on the chart">
      {markers.map(({ point, n }) => (
        <li key={point.id} className="flex gap-2">
          <span className="w-5 shrink-0 text-right font-semibold text-violet-700">{n}</span>
          <span className="min-w-0">
            <Link href={`/snapshots/${point.id}`} className="underline">
              {point.when} UTC
            </Link>
            : {[...point.changes.map(short), ...(point.regression ? ["regression"] : [])].join("; ")}
          </span>
        </li>
      ))}
    </ol>
  );
}
