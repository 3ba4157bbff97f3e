import type { BoundedSection, FileRow, RootPair } from "@/lib/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";
import { fileRows } from "./file-rows";
import { FileRowsLater } from "./FileRowsLater";
import type { SideNames } from "./side-names";
import { SideHeads } from "./SideHeads";

/**
 * Rows rendered in one turn of the event loop: a few milliseconds of rendering and writing HTML. The first ones
 * are rendered with the table, so the HTML of a table of no more rows is the same as without slices.
 */
const ROWS_PER_TURN = 100;

/** The rows after the first ROWS_PER_TURN, ROWS_PER_TURN at a time. */
const laterSlices = (rows: FileRow[]) =>
  Array.from({ length: Math.max(0, Math.ceil(rows.length / ROWS_PER_TURN) - 1) }, (_, i) =>
    rows.slice((i + 1) * ROWS_PER_TURN, (i + 2) * ROWS_PER_TURN),
  );

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
          {fileRows(section.rows.slice(0, ROWS_PER_TURN))}
          {laterSlices(section.rows).map((rows, i) => (
            <FileRowsLater key={i} rows={rows} turns={i + 1} />
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
