import type { Comparison } from "@/lib/analysis/compare/types";

export function PackagesDiff({ packages }: { packages: Comparison["packages"] }) {
  const rows = [
    ...packages.added.map((p) => [p.name, "—", p.version]),
    ...packages.removed.map((p) => [p.name, p.version, "—"]),
    ...packages.changed.map((p) => [p.name, p.left, p.right]),
  ];
  return (
    <table className="w-full text-left text-xs">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1">Package</th>
          <th>Left</th>
          <th>Right</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 font-mono">
        {rows.map(([name, left, right]) => (
          <tr key={name}>
            <td className="py-1">{name}</td>
            <td>{left}</td>
            <td>{right}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
