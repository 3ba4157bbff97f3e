import { impactOf } from "@/lib/analysis/impact/impact-of";
import type { Impact, Prediction } from "@/lib/analysis/impact/types";
import type { Finding, SnapshotInput } from "@/lib/analysis/types";

export type ImpactFix = { id: string; title: string; predicted: Prediction };

export type ImpactSection = {
  left: Impact | null;
  right: Impact | null;
  /** "What would make the right side like the left": the right side's own findings, largest predicted saving first. */
  fixes: ImpactFix[];
};

const saving = (f: ImpactFix) => f.predicted.cpuSecondsPerDay?.high ?? -1;

export function impactSection(left: SnapshotInput, right: SnapshotInput, onlyRight: readonly Finding[]): ImpactSection {
  const fixes: ImpactFix[] = [];
  for (const f of onlyRight) {
    const predicted = f.fix[0]?.predicted;
    if (predicted) fixes.push({ id: f.id, title: f.title, predicted });
  }
  fixes.sort((a, b) => saving(b) - saving(a) || (a.id < b.id ? -1 : 1));
  return {
    left: impactOf(left.inventory, left.measurements),
    right: impactOf(right.inventory, right.measurements),
    fixes,
  };
}
