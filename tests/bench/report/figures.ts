import type { BenchData, Figure } from "./bench-data";
import { compareTime, dashboardRss, storeFirst, storeResnapshot } from "./store-figures";
import { e2eVsFloor, linearity, vsAnsible } from "./timing-figures";

/** Every figure of the issue, in its order. */
export function benchFigures(data: BenchData): Figure[] {
  return [e2eVsFloor(data), vsAnsible(data), dashboardRss(data), storeFirst(data), storeResnapshot(data), compareTime(data), linearity(data)];
}

export type CountCheck = { expected: { fresh: number; stale: number; missing: number }; reported: { fresh: number; stale: number; missing: number }; matches: boolean };

/** The snapshot's coverage counts against the tree's construction (ground truth). */
export function countCheck(data: BenchData): CountCheck {
  const { fresh, stale, missing } = data.tree.counts;
  const snapshot = data.e2e[0]!;
  const reported = { fresh: snapshot.fresh, stale: snapshot.stale, missing: snapshot.missing };
  return { expected: { fresh, stale, missing }, reported, matches: fresh === reported.fresh && stale === reported.stale && missing === reported.missing };
}
