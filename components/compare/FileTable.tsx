import type { BoundedSection, FileRow, FileSide } from "@/lib/analysis/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";

const side = (s: FileSide | null) => (s ? [s.status, s.reason, s.pyc].filter(Boolean).join(" · ") : "absent");

export function FileTable({ section }: { section: BoundedSection<FileRow> }) {
  return (
    <div className="space-y-1">
      <table className="w-full table-fixed text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="w-1/2 py-1">File (relative to its root)</th>
            <th>Left</th>
            <th>Right</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {section.rows.map((row) => (
            <tr key={`${row.pair}:${row.path}`}>
              <td className="break-all py-1 pr-2 font-mono">
                {row.root}/{displayPath(row.path)}
              </td>
              <td>{side(row.left)}</td>
              <td>{side(row.right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {section.total > section.rows.length && (
        <p className="text-xs text-slate-500">
          Showing {section.rows.length} of {section.total}; export CSV for all.
        </p>
      )}
    </div>
  );
}
