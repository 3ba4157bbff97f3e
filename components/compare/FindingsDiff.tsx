import type { Comparison } from "@/lib/analysis/compare/types";
import { FindingCard } from "@/components/snapshots/FindingCard";

export function FindingsDiff({ findings }: { findings: Comparison["findings"] }) {
  const groups = [
    ["Only on the left", findings.onlyLeft],
    ["Only on the right", findings.onlyRight],
  ] as const;
  return (
    <div className="space-y-4">
      {groups.map(([title, list]) =>
        list.length ? (
          <div key={title} className="space-y-2">
            <h3 className="text-sm font-semibold">{title}</h3>
            {list.map((finding) => (
              <FindingCard key={finding.id} finding={finding} />
            ))}
          </div>
        ) : null,
      )}
      {findings.both.length > 0 && (
        <p className="text-sm text-slate-600">On both sides: {findings.both.map((b) => b.id).join(", ")}</p>
      )}
    </div>
  );
}
