import { ScrollBox } from "@/components/ui/ScrollBox";
import Link from "next/link";
import { CoverageBar } from "@/components/ui/CoverageBar";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { SnapshotSummary } from "@/lib/snapshot/snapshot-summary";
import { StartupCell } from "./StartupCell";

export function SnapshotTable({ snapshots }: { snapshots: SnapshotSummary[] }) {
  if (snapshots.length === 0) return <p className="text-sm text-slate-500">No snapshots yet: press “Collect now”.</p>;
  return (
    <ScrollBox label="Snapshots">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">Taken (UTC)</th>
            <th>Status</th>
            <th>Startup coverage</th>
            <th>All sources</th>
            <th>Findings</th>
            <th>Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {snapshots.map((s) => (
            <tr key={s.id}>
              <td className="py-2">
                <Link href={`/snapshots/${s.id}`} className="hover:underline">
                  {s.takenAt.toISOString().replace("T", " ").slice(0, 19)}
                </Link>
              </td>
              <td>
                {s.status === "ok" ? (
                  <SeverityBadge level="ok" />
                ) : (
                  <SeverityBadge level="failed">{s.errorCode}</SeverityBadge>
                )}
              </td>
              <td>{s.status === "ok" ? <StartupCell row={s} /> : "–"}</td>
              <td>{s.status === "ok" ? <CoverageBar {...s} /> : "–"}</td>
              <td className="text-xs">
                {s.status === "ok" ? `${s.criticalFindings} critical, ${s.warningFindings} warning` : "–"}
              </td>
              <td className="text-xs tabular-nums">{(s.durationMs / 1000).toFixed(1)} s</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
