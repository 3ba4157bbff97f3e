import type { BenchData, Figure } from "./bench-data";
import { compareTime, dashboardRss, storeFirst, storeResnapshot } from "./store-figures";
import { closureTime } from "./closure-figure";
import { e2eVsFloor, linearity, vsAnsible } from "./timing-figures";

/** Every figure of the issue, in its order. */
export function benchFigures(data: BenchData): Figure[] {
  return [
    e2eVsFloor(data),
    vsAnsible(data),
    dashboardRss(data),
    storeFirst(data),
    storeResnapshot(data),
    compareTime(data),
    linearity(data),
    closureTime(data),
  ];
}

export type CountCheck = {
  expected: { fresh: number; stale: number; missing: number };
  reported: { fresh: number; stale: number; missing: number };
  matches: boolean;
};

/** The snapshot's coverage of the tree's root against the tree's construction (ground truth). */
export function countCheck(data: BenchData): CountCheck {
  const { fresh, stale, missing } = data.tree.counts;
  const root = data.e2e[0]!.roots.find((r) => r.path === data.tree.root);
  const reported = { fresh: root?.fresh ?? 0, stale: root?.stale ?? 0, missing: root?.missing ?? 0 };
  return {
    expected: { fresh, stale, missing },
    reported,
    matches: fresh === reported.fresh && stale === reported.stale && missing === reported.missing,
  };
}
