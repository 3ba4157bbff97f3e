/**
 * A tiny server-rendered SVG line of startup coverage (0–100 %) over the last snapshots, oldest left:
 * no chart library and no client JavaScript for a table cell.
 */
export function Sparkline({ points, label }: { points: { id: string; percent: number }[]; label: string }) {
  if (points.length === 0) return <span className="text-xs text-slate-500">–</span>;
  const width = 96;
  const height = 24;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const y = (percent: number) => 2 + ((100 - percent) / 100) * (height - 4);
  const coords = points.map(
    (p, i) => `${(points.length > 1 ? i * step : width / 2).toFixed(1)},${y(p.percent).toFixed(1)}`,
  );
  const last = points[points.length - 1]!;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="sparkline"
      className="overflow-visible text-emerald-600 dark:text-emerald-400"
    >
      <title>{label}</title>
      <polyline points={coords.join(" ")} fill="none" stroke="currentColor" strokeWidth={1.5} />
      <circle cx={coords[coords.length - 1]!.split(",")[0]} cy={y(last.percent)} r={2} fill="currentColor" />
    </svg>
  );
}
