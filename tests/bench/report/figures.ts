import type { BenchData, Figure } from "./bench-data";
import { compareTime, dashboardRss, storeFirst, storeResnapshot } from "./store-figures";
import { closureTime } from "./closure-figure";
import { e2eVsFloor, linearity, vsAnsible } from "./timing-figures";
import { cliCollectVsFloor, cliCompareLarge, cliRss, cliRssGrowth, cliRssLarge, cliVersion } from "./cli-figures";
import { loadFigure } from "./load-figure";
import { loadEventLoopFigure, loadLatencyFigure } from "./load-latency-figures";
import { renderSearch, renderTable } from "./render-figures";

/** Every figure: in-process and through the CLI first, then the store, load and page figures. */
export function benchFigures(data: BenchData): Figure[] {
  return [
    e2eVsFloor(data),
    cliCollectVsFloor(data),
    cliRss(data),
    cliRssGrowth(data),
    cliRssLarge(data),
    dashboardRss(data),
    cliVersion(data),
    vsAnsible(data),
    storeFirst(data),
    storeResnapshot(data),
    compareTime(data),
    cliCompareLarge(data),
    linearity(data),
    closureTime(data),
    loadFigure(data),
    loadLatencyFigure(data),
    loadEventLoopFigure(data),
    renderTable(data),
    renderSearch(data),
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
