/** Fresh / stale / missing as one stacked bar, with the percentage the product is about. */
export function CoverageBar({ fresh, stale, missing }: { fresh: number; stale: number; missing: number }) {
  const total = fresh + stale + missing;
  if (total === 0) return <span className="text-sm text-slate-500">no sources</span>;
  const pct = (n: number) => `${(n / total) * 100}%`;
  return (
    <div className="flex items-center gap-3" title={`${fresh} fresh, ${stale} stale, ${missing} missing`}>
      <div className="flex h-2 w-40 overflow-hidden rounded bg-slate-100" aria-hidden>
        <div className="bg-emerald-500" style={{ width: pct(fresh) }} />
        <div className="bg-amber-400" style={{ width: pct(stale) }} />
        <div className="bg-red-400" style={{ width: pct(missing) }} />
      </div>
      <span className="text-sm tabular-nums">{Math.round((fresh / total) * 1000) / 10}%</span>
    </div>
  );
}
