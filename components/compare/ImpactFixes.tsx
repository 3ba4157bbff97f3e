import { formatRange } from "@/lib/analysis/impact/range";
import { predictionText } from "@/lib/analysis/impact/impact-lines";
import type { Impact } from "@/lib/analysis/impact/types";
import type { Comparison } from "@/lib/compare/types";
import type { SideNames } from "./side-names";

const costText = (impact: Impact | null) =>
  !impact
    ? "not measured"
    : `${formatRange(impact.perProcessStartMs, "ms")} × ${impact.processesPerStart.value} per start` +
      (impact.cpuSecondsPerDay ? ` = ${formatRange(impact.cpuSecondsPerDay, "CPU-s/day")}` : "");

/** Each side's cost, then what would make the right side like the left: its fixes, largest predicted saving first. */
export function ImpactFixes({ impact, names }: { impact: Comparison["impact"]; names: SideNames }) {
  return (
    <div className="space-y-3 text-sm" data-testid="impact-fixes">
      <p>
        {names.left}: {costText(impact.left)} · {names.right}: {costText(impact.right)}
      </p>
      <h3 className="font-semibold">What would make the right side like the left</h3>
      {impact.fixes.length === 0 ? (
        <p className="text-slate-600">Nothing: the right side has no finding the left does not have.</p>
      ) : (
        <ol className="list-decimal space-y-1 pl-5">
          {impact.fixes.map((f) => (
            <li key={f.id}>
              <span className="font-mono">{f.id}</span>: {f.title} — {predictionText(f.predicted)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
