import type { Comparison } from "@/lib/compare/types";
import { FindingCard } from "@/components/snapshots/FindingCard";
import type { SideNames } from "./side-names";

type Props = { findings: Comparison["findings"]; showAll: boolean; names: SideNames };

/** Findings in two aligned columns: those only on the left, those only on the right; shared ones on request. */
export function FindingsDiff({ findings, showAll, names }: Props) {
  const columns = [
    [`Only on the left · ${names.left}`, findings.onlyLeft],
    [`Only on the right · ${names.right}`, findings.onlyRight],
  ] as const;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        {columns.map(([title, list]) => (
          <div key={title} className="min-w-0 space-y-2">
            <h3 className="text-sm font-semibold">{title}</h3>
            {list.length ? (
              list.map((finding) => <FindingCard key={finding.id} finding={finding} />)
            ) : (
              <p className="text-sm text-slate-600">None.</p>
            )}
          </div>
        ))}
      </div>
      {showAll && findings.both.length > 0 && (
        <p className="text-sm text-slate-600">On both sides: {findings.both.map((b) => b.id).join(", ")}</p>
      )}
    </div>
  );
}
