import { SeverityBadge } from "@/components/ui/SeverityBadge";
import { coveragePercent } from "@/lib/analysis/coverage-percent";

/** Startup coverage and blocked modules from a Snapshot row's summary columns (the host list's headline). */
export function StartupCell({
  row,
}: {
  row: { startupClosure: number | null; startupFresh: number | null; startupBlocked: number | null };
}) {
  if (row.startupClosure === null) return <span className="text-slate-500">–</span>;
  const percent = coveragePercent(row.startupFresh ?? 0, row.startupClosure);
  const blocked = row.startupBlocked ?? 0;
  return (
    <span
      className="flex items-center gap-2"
      title={`${row.startupFresh ?? 0} of ${row.startupClosure} startup modules fresh`}
    >
      <span className="text-sm font-medium tabular-nums">{percent === null ? "–" : `${percent}%`}</span>
      <SeverityBadge level={blocked > 0 ? "warning" : "ok"}>{blocked} blocked</SeverityBadge>
    </span>
  );
}
