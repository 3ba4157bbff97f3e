import type { FileRow, FileSide } from "@/lib/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";

const side = (s: FileSide | null) => (s ? [s.status, s.reason, s.pyc].filter(Boolean).join(" · ") : "absent");
const TONE: Record<string, string> = { fresh: "text-emerald-800", missing: "text-red-800", stale: "text-amber-800" };
const tone = (s: FileSide | null) => (s ? (TONE[s.status] ?? "") : "text-slate-600");

/** Rows of the file table: a file that differs, by its path relative to its root, and its state on each side. */
export function fileRows(rows: FileRow[]) {
  return rows.map((row) => (
    <tr key={`${row.pair}:${row.path}`} className="bg-amber-50" data-row="changed">
      <td className="[overflow-wrap:anywhere] py-1 pr-2 font-mono">
        {row.root}/{displayPath(row.path)}
      </td>
      <td className={`pr-2 ${tone(row.left)}`}>{side(row.left)}</td>
      <td className={tone(row.right)}>{side(row.right)}</td>
    </tr>
  ));
}
