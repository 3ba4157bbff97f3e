import type { Comparison } from "@/lib/compare/types";
import { CHANGE_CLASS, type SideNames } from "./side-names";
import { SideHeads } from "./SideHeads";

/** Packages added, removed or at another version; the row colour says which. */
export function PackagesDiff({ packages, names }: { packages: Comparison["packages"]; names: SideNames }) {
  const rows = [
    ...packages.added.map((p) => [p.name, "—", p.version, "only-right"] as const),
    ...packages.removed.map((p) => [p.name, p.version, "—", "only-left"] as const),
    ...packages.changed.map((p) => [p.name, p.left, p.right, "changed"] as const),
  ];
  return (
    <table className="w-full table-fixed text-left text-xs">
      <SideHeads first="Package" names={names} />
      <tbody className="divide-y divide-slate-100 font-mono">
        {rows.map(([name, left, right, status]) => (
          <tr key={name} className={CHANGE_CLASS[status]} data-row={status}>
            <td className="break-all py-1 pr-2">{name}</td>
            <td className="break-all pr-2">{left}</td>
            <td className="break-all">{right}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
