import type { MetricRow } from "@/lib/analysis/compare/types";

const show = (value: number | null) => (value === null ? "—" : String(value));

export function HeadlineTable({ rows }: { rows: MetricRow[] }) {
  return (
    <table className="w-full text-left text-sm tabular-nums">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1">Metric</th>
          <th className="text-right">Left</th>
          <th className="text-right">Right</th>
          <th className="text-right">Δ</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.key}>
            <td className="py-1">{row.label}</td>
            <td className="text-right">{show(row.left)}</td>
            <td className="text-right">{show(row.right)}</td>
            <td className={`text-right ${row.delta ? "font-medium" : "text-slate-400"}`}>
              {row.delta === null ? "—" : row.delta > 0 ? `+${row.delta}` : row.delta}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
