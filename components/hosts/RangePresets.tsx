import Link from "next/link";
import { HISTORY_RANGES, type HistoryRangeKey } from "./history-range";

/** 24 h · 7 d · 30 d · all as links: the range lives in the URL, so a shared or reloaded page shows the same. */
export function RangePresets({ hostId, current }: { hostId: string; current: HistoryRangeKey }) {
  return (
    <nav aria-label="Time range" className="flex gap-1 text-xs" data-testid="range-presets">
      {HISTORY_RANGES.map(({ key, label }) => (
        <Link
          key={key}
          href={`/hosts/${hostId}${key === "all" ? "" : `?range=${key}`}`}
          aria-current={key === current ? "true" : undefined}
          scroll={false}
          className={`rounded border px-2 py-0.5 ${
            key === current
              ? "border-slate-900 bg-slate-900 font-semibold text-white"
              : "border-slate-300 text-slate-700 hover:bg-slate-100"
          }`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
