import { coveragePercent, formatPercent } from "@/lib/analysis/coverage-percent";

type Counts = { sources: number; fresh: number; stale: number; missing: number };

/** Fresh / stale / missing as one stacked bar, with the percentage the product is about. */
export function CoverageBar({ sources, fresh, stale, missing }: Counts) {
  if (sources === 0) return <span className="text-sm text-slate-500">no sources</span>;
  // Bar widths are shares of the sources; the number is the one coverage percentage.
  const pct = (n: number) => `${(n / sources) * 100}%`;
  return (
    <div className="flex items-center gap-3" title={`${fresh} fresh, ${stale} stale, ${missing} missing`}>
      <div className="flex h-2 w-40 overflow-hidden rounded bg-slate-100" aria-hidden>
        <div className="bg-emerald-500" style={{ width: pct(fresh) }} />
        <div className="bg-amber-400" style={{ width: pct(stale) }} />
        <div className="bg-red-400" style={{ width: pct(missing) }} />
      </div>
      <span className="text-sm tabular-nums">{formatPercent(coveragePercent(fresh, sources))}</span>
    </div>
  );
}
