import type { MetricRow } from "@/lib/compare/types";
import type { SideNames } from "./side-names";
import { SideHeads } from "./SideHeads";

const show = (value: number | null) => (value === null ? "—" : String(value));
const differs = (row: MetricRow) => row.left !== row.right;

/** The headline metrics side by side; by default only those that differ. */
export function HeadlineTable({ rows, showAll, names }: { rows: MetricRow[]; showAll: boolean; names: SideNames }) {
  const shown = showAll ? rows : rows.filter(differs);
  return (
    <table className="w-full table-fixed text-left text-sm tabular-nums">
      <SideHeads first="Metric" names={names} extra="Δ" />
      <tbody className="divide-y divide-slate-100">
        {shown.map((row) => (
          <tr
            key={row.key}
            className={differs(row) ? "bg-amber-50" : undefined}
            data-row={differs(row) ? "changed" : "same"}
          >
            <td className="py-1 pr-2">{row.label}</td>
            <td className="pr-2">{show(row.left)}</td>
            <td className="pr-2">{show(row.right)}</td>
            <td className={`text-right ${row.delta ? "font-medium" : "text-slate-600"}`}>
              {row.delta === null ? "—" : row.delta > 0 ? `+${row.delta}` : row.delta}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
