import type { BoundedSection, PermissionRow, PermissionSide } from "@/lib/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";
import type { SideNames } from "./side-names";
import { SideHeads } from "./SideHeads";

const side = (s: PermissionSide | null) => (s ? `${s.perm}${s.bytecode ? ` · bytecode: ${s.bytecode}` : ""}` : "—");

/** Directories (relative to their root; ".." counts up from it) whose permissions differ. */
export function PermissionTable({ section, names }: { section: BoundedSection<PermissionRow>; names: SideNames }) {
  return (
    <table className="w-full table-fixed text-left text-xs">
      <SideHeads first="Directory (relative to its root)" names={names} />
      <tbody className="divide-y divide-slate-100">
        {section.rows.map((row) => (
          <tr key={`${row.pair}:${row.scope}:${row.key}`} className="bg-amber-50" data-row="changed">
            <td className="break-all py-1 pr-2 font-mono">{displayPath(row.key || ".")}</td>
            <td className="break-all pr-2 font-mono">{side(row.left)}</td>
            <td className="break-all font-mono">{side(row.right)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
