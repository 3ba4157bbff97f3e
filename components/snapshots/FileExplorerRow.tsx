import type { FileRow } from "@/lib/analysis/file-rows";

export const FILE_GRID = "grid grid-cols-[minmax(12rem,3fr)_5rem_4rem_minmax(10rem,3fr)_minmax(8rem,2fr)]";

const STATUS_CLASS: Record<FileRow["status"], string> = {
  fresh: "text-emerald-800",
  stale: "text-amber-800",
  missing: "text-red-800",
  unreadable: "text-red-800",
};

/** One positioned row of the virtual file table; a placeholder until its page has arrived. Text only. */
export function FileExplorerRow({
  row,
  index,
  start,
  height,
}: {
  row: FileRow | undefined;
  index: number;
  start: number;
  height: number;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`${FILE_GRID} absolute inset-x-0 items-center border-b border-slate-100 font-mono`}
      style={{ top: start, height }}
    >
      {row ? (
        <>
          <span role="cell" className="truncate px-2" title={`${row.root}/${row.path}`}>
            {row.path}
          </span>
          <span role="cell" className={`px-2 ${STATUS_CLASS[row.status]}`}>
            {row.status}
          </span>
          <span role="cell" className="px-2">
            {row.blocked ? "yes" : ""}
          </span>
          <span role="cell" className="truncate px-2" title={row.pycPath ?? ""}>
            {row.pycPath ?? "—"}
          </span>
          <span role="cell" className="truncate px-2" title={row.reason ?? ""}>
            {row.reason ?? ""}
          </span>
        </>
      ) : (
        <span role="cell" className="px-2 text-slate-400">
          …
        </span>
      )}
    </div>
  );
}
