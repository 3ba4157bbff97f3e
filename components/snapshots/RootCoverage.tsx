import { ScrollBox } from "@/components/ui/ScrollBox";
import { CoverageBar } from "@/components/ui/CoverageBar";
import type { SnapshotJson } from "@/lib/snapshot-reads/snapshot-json";
import { displayPath } from "@/lib/snapshot/display-path";

export function RootCoverage({ roots }: { roots: SnapshotJson["roots"] }) {
  return (
    <ScrollBox label="Coverage by root">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">Root</th>
            <th>Kind</th>
            <th>Coverage</th>
            <th className="text-right">Fresh</th>
            <th className="text-right">Stale</th>
            <th className="text-right">Missing</th>
            <th className="text-right">Sources</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {roots.map((root) => (
            <tr key={`${root.kind}:${root.path}`}>
              <td className="py-2 font-mono text-xs">{displayPath(root.path)}</td>
              <td>{root.kind}</td>
              <td>
                <CoverageBar {...root.coverage} />
              </td>
              <td className="text-right">{root.coverage.fresh}</td>
              <td className="text-right">{root.coverage.stale}</td>
              <td className="text-right">{root.coverage.missing}</td>
              <td className="text-right">{root.coverage.sources}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
