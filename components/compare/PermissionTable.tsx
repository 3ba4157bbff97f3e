import type { BoundedSection, PermissionRow, PermissionSide } from "@/lib/analysis/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";

const side = (s: PermissionSide | null) => (s ? `${s.perm}${s.bytecode ? ` · bytecode: ${s.bytecode}` : ""}` : "—");

export function PermissionTable({ section }: { section: BoundedSection<PermissionRow> }) {
  return (
    <table className="w-full table-fixed text-left text-xs">
      <thead className="text-slate-500">
        <tr>
          <th className="w-1/4 py-1">Directory</th>
          <th>Left</th>
          <th>Right</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {section.rows.map((row) => (
          <tr key={`${row.pair}:${row.scope}:${row.key}`}>
            <td className="break-all py-1 pr-2 font-mono">{displayPath(row.key || ".")}</td>
            <td className="break-all pr-2 font-mono">{side(row.left)}</td>
            <td className="break-all font-mono">{side(row.right)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
