import Link from "next/link";
import { CoverageBar } from "@/components/ui/CoverageBar";
import { ScrollBox } from "@/components/ui/ScrollBox";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { HostSummary } from "@/lib/hosts/list-host-summaries";
import { LastCollection } from "./LastCollection";
import { Sparkline } from "./Sparkline";
import { StartupCell } from "./StartupCell";
import { RegressionBadge } from "./RegressionBadge";

function Findings({ critical, warning }: { critical: number; warning: number }) {
  if (critical + warning === 0) return <SeverityBadge level="ok">none</SeverityBadge>;
  return (
    <span className="flex gap-1">
      {critical > 0 && <SeverityBadge level="critical">{critical} critical</SeverityBadge>}
      {warning > 0 && <SeverityBadge level="warning">{warning} warning</SeverityBadge>}
    </span>
  );
}

export function HostTable({ hosts }: { hosts: HostSummary[] }) {
  return (
    <ScrollBox label="Hosts">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            <th className="py-2">Host</th>
            <th>Target</th>
            <th>Startup coverage</th>
            <th>All sources</th>
            <th>Last 30</th>
            <th>Open findings</th>
            <th>Last collection</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {hosts.map(({ host, latest, latestOk, spark }) => (
            <tr key={host.id}>
              <td className="py-2 font-medium">
                <Link href={`/hosts/${host.id}`} className="hover:underline">
                  {host.name}
                </Link>
              </td>
              <td className="font-mono text-xs text-slate-600">{host.target}</td>
              <td>{latestOk ? <StartupCell row={latestOk} /> : "–"}</td>
              <td>
                {latestOk ? (
                  <CoverageBar {...latestOk} />
                ) : latest?.status === "failed" ? (
                  <SeverityBadge level="failed">failed: {latest.errorCode ?? "unknown"}</SeverityBadge>
                ) : (
                  <span className="text-slate-600">not collected yet</span>
                )}
                {latestOk?.regressions && <RegressionBadge regressions={latestOk.regressions} />}
              </td>
              <td>
                <Sparkline
                  points={spark}
                  label={`Startup coverage of the last ${spark.length} snapshots of ${host.name}`}
                />
              </td>
              <td>
                {latestOk ? <Findings critical={latestOk.criticalFindings} warning={latestOk.warningFindings} /> : "–"}
              </td>
              <td className="text-xs text-slate-600">
                <LastCollection latest={latest} />
              </td>
              <td className="text-xs">
                {latestOk && (
                  <Link
                    href={`/compare?left=${encodeURIComponent(host.name)}`}
                    className="whitespace-nowrap hover:underline"
                  >
                    Compare with…
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
