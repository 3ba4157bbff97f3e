import type { FileRow, FileSide } from "@/lib/compare/types";
import { displayPath } from "@/lib/snapshot/display-path";

const side = (s: FileSide | null) => (s ? [s.status, s.reason, s.pyc].filter(Boolean).join(" · ") : "absent");
const TONE: Record<string, string> = { fresh: "text-emerald-800", missing: "text-red-800", stale: "text-amber-800" };
const tone = (s: FileSide | null) => (s ? (TONE[s.status] ?? "") : "text-slate-600");

/** Rows rendered at a time: a thousand at once held the server's event loop for hundreds of milliseconds. */
const PART = 100;

const turnsOfTheLoop = async (turns: number) => {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** One part of the rows, rendered `turn` passes of the event loop after the first, so the parts take turns. */
async function Part({ rows, turn }: { rows: FileRow[]; turn: number }) {
  await turnsOfTheLoop(turn);
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

/** The file rows of a comparison (up to its row limit), rendered a part at a time with the event loop free between. */
export function FileRowsInTurns({ rows }: { rows: FileRow[] }) {
  const parts: FileRow[][] = [];
  for (let at = 0; at < rows.length; at += PART) parts.push(rows.slice(at, at + PART));
  return parts.map((part, turn) => <Part key={turn} rows={part} turn={turn} />);
}
