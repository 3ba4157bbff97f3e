import type { FieldRow } from "@/lib/analysis/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";

const STATUS = { same: "", changed: "bg-amber-50", "only-left": "bg-red-50", "only-right": "bg-emerald-50" } as const;

/** Key-by-key values of both sides; by default only the keys that differ. */
export function FieldTable({ rows, showAll }: { rows: FieldRow[]; showAll: boolean }) {
  const shown = showAll ? rows : rows.filter((row) => row.status !== "same");
  return (
    <table className="w-full table-fixed text-left text-xs">
      <thead className="text-slate-500">
        <tr>
          <th className="w-1/4 py-1">Key</th>
          <th>Left</th>
          <th>Right</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 font-mono">
        {shown.map((row) => (
          <tr key={row.key} className={STATUS[row.status]}>
            <td className="py-1 pr-2 align-top">
              {row.key}
              {row.mapped && <span className="ml-1 font-sans text-slate-500">(same, paths mapped)</span>}
            </td>
            <td className="break-all pr-2 align-top">{row.left === null ? "—" : displayPath(row.left)}</td>
            <td className="break-all align-top">{row.right === null ? "—" : displayPath(row.right)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
