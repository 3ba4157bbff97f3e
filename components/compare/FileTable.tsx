import type { BoundedSection, FileRow, FileSide, RootPair } from "@/lib/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";
import type { SideNames } from "./side-names";
import { SideHeads } from "./SideHeads";

const side = (s: FileSide | null) => (s ? [s.status, s.reason, s.pyc].filter(Boolean).join(" · ") : "absent");
const TONE: Record<string, string> = { fresh: "text-emerald-800", missing: "text-red-800", stale: "text-amber-800" };
const tone = (s: FileSide | null) => (s ? (TONE[s.status] ?? "") : "text-slate-600");

type Props = { section: BoundedSection<FileRow>; rootPairs: RootPair[]; names: SideNames };

/** Files that differ, by their path relative to the paired roots (listed first, so each side's root is visible). */
export function FileTable({ section, rootPairs, names }: Props) {
  return (
    <div className="space-y-2">
      <table className="w-full table-fixed text-left text-xs">
        <SideHeads first="Root" names={names} />
        <tbody className="divide-y divide-slate-100 font-mono">
          {rootPairs.map((pair) => (
            <tr key={pair.index}>
              <td className="py-1 pr-2 font-sans">{pair.label}</td>
              <td className="[overflow-wrap:anywhere] pr-2">{pair.left === null ? "—" : displayPath(pair.left)}</td>
              <td className="[overflow-wrap:anywhere]">{pair.right === null ? "—" : displayPath(pair.right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full table-fixed text-left text-xs">
        <SideHeads first="File (relative to its root)" names={names} />
        <tbody className="divide-y divide-slate-100">
          {section.rows.map((row) => (
            <tr key={`${row.pair}:${row.path}`} className="bg-amber-50" data-row="changed">
              <td className="[overflow-wrap:anywhere] py-1 pr-2 font-mono">
                {row.root}/{displayPath(row.path)}
              </td>
              <td className={`pr-2 ${tone(row.left)}`}>{side(row.left)}</td>
              <td className={tone(row.right)}>{side(row.right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {section.total > section.rows.length && (
        <p className="text-xs text-slate-600">
          Showing {section.rows.length} of {section.total}; download the CSV for all.
        </p>
      )}
    </div>
  );
}
