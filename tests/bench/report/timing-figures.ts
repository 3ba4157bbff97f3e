import { median } from "../stats";
import type { BenchData, Figure } from "./bench-data";
import { figureRow, skippedFigure } from "./figure-row";
import { bytes, count, seconds, times } from "./format";

const ms = (runs: { ms: number }[]) => runs.map((run) => Math.round(run.ms));

/** 1. End-to-end snapshot against one `find` over the same SSH server: goal ≤ 1.5×. */
export function e2eVsFloor(data: BenchData): Figure {
  const e2e = median(ms(data.e2e));
  const floor = median(ms(data.floor));
  const ratio = e2e / floor;
  return figureRow(
    {
      id: "e2e-vs-floor",
      title: `End-to-end snapshot of ${count(data.tree.counts.sources)} sources vs the floor (one \`find\` over SSH)`,
      goal: "≤ 1.5× the floor",
    },
    {
      met: ratio <= 1.5,
      measured: `${seconds(e2e)} vs floor ${seconds(floor)}`,
      ratio,
      ratioText: `${times(ratio)} floor`,
      missedBy: `${times(ratio / 1.5)} over the goal: ${seconds(e2e - 1.5 * floor)} slower than 1.5 × floor (${seconds(1.5 * floor)})`,
      values: { e2eMedianMs: e2e, floorMedianMs: floor, e2eRunsMs: ms(data.e2e), floorRunsMs: ms(data.floor) },
    },
  );
}

/** 2. Against Ansible's find module over SSH on the same tree: goal ≥ 10× faster. */
export function vsAnsible(data: BenchData): Figure {
  const base = {
    id: "vs-ansible" as const,
    title: "End-to-end snapshot vs Ansible's `find` module over SSH",
    goal: "≥ 10× faster",
  };
  if (!data.ansible.available || data.ansibleRuns.length === 0)
    return skippedFigure(base, data.ansible.available ? "no Ansible run (--ansible-runs 0)" : data.ansible.reason);
  const e2e = median(ms(data.e2e));
  const ansible = median(ms(data.ansibleRuns));
  const ratio = ansible / e2e;
  return figureRow(base, {
    met: ratio >= 10,
    measured: `${seconds(e2e)} vs Ansible ${seconds(ansible)} (${data.ansibleRuns.length} run${data.ansibleRuns.length === 1 ? "" : "s"})`,
    ratio,
    ratioText: `${times(ratio)} faster`,
    missedBy: `${times(10 / ratio)} short: needs ≤ ${seconds(ansible / 10)} end to end`,
    values: {
      e2eMedianMs: e2e,
      ansibleMedianMs: ansible,
      ansibleRunsMs: ms(data.ansibleRuns),
      ansibleMatched: data.ansibleRuns[0]?.matched ?? null,
    },
  });
}

/** 6. Time per file at 1,000,000 sources vs at the base size (trees of empty sources): goal ≤ 1.2× (linear). */
export function linearity(data: BenchData): Figure {
  const large = data.linearity;
  const base = {
    id: "linearity" as const,
    title: `Time per file of a snapshot at ${count(large?.tree.counts.sources ?? data.options.largeSources)} empty sources vs at ${count(large?.baseTree.counts.sources ?? data.options.sources)}`,
    goal: "≤ 1.2× (linear)",
  };
  if (!large) return skippedFigure(base, "opt-in: run with --million");
  const perFileLarge = median(ms(large.large)) / large.tree.counts.sources;
  const perFileBase = median(ms(large.base)) / large.baseTree.counts.sources;
  const ratio = perFileLarge / perFileBase;
  const us = (perFile: number) => `${(perFile * 1000).toFixed(1)} µs/file`;
  // Memory grows with the inventory too: worth knowing next to a linear time.
  const rssGrowth = median(large.large.map((r) => r.peakRss.after - r.peakRss.before));
  return figureRow(base, {
    met: ratio <= 1.2,
    measured: `${us(perFileLarge)} (${seconds(median(ms(large.large)))}) vs ${us(perFileBase)} (${seconds(median(ms(large.base)))}); at ${count(large.tree.counts.sources)} sources a snapshot raised the bench process's peak RSS by ${bytes(rssGrowth)}`,
    ratio,
    ratioText: times(ratio),
    missedBy: `${times(ratio / 1.2)} over the goal`,
    values: {
      largeRunsMs: ms(large.large),
      baseRunsMs: ms(large.base),
      largeSources: large.tree.counts.sources,
      baseSources: large.baseTree.counts.sources,
      largePeakRssGrowthBytes: rssGrowth,
    },
  });
}
