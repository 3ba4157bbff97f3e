import type { FieldRow } from "@/lib/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";
import { CHANGE_CLASS, type SideNames } from "./side-names";
import { SideHeads } from "./SideHeads";

/** Key-by-key values of both sides; by default only the keys that differ. */
export function FieldTable({ rows, showAll, names }: { rows: FieldRow[]; showAll: boolean; names: SideNames }) {
  const shown = showAll ? rows : rows.filter((row) => row.status !== "same");
  return (
    <table className="w-full table-fixed text-left text-xs">
      <SideHeads first="Key" names={names} />
      <tbody className="divide-y divide-slate-100 font-mono">
        {shown.map((row) => (
          <tr key={row.key} className={CHANGE_CLASS[row.status]} data-row={row.status}>
            <td className="py-1 pr-2 align-top">
              {row.key}
              {row.mapped && <span className="ml-1 font-sans text-slate-600">(same, paths mapped)</span>}
            </td>
            <td className="break-all pr-2 align-top">{row.left === null ? "—" : displayPath(row.left)}</td>
            <td className="break-all align-top">{row.right === null ? "—" : displayPath(row.right)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
