import { median } from "../stats";
import type { BenchData, Figure } from "./bench-data";
import { figureRow, limitFigure, skippedFigure } from "./figure-row";
import type { CompareLarge } from "../cli/cli-figures-data";
import { bytes, count, seconds, times } from "./format";

const msOf = (runs: { ms: number }[]) => runs.map((run) => Math.round(run.ms));
const rssOf = (runs: { peakRssBytes: number }[]) => runs.map((run) => run.peakRssBytes);
const notRun = "the CLI rows did not run";

/** What the CLI rows are computed from: a full run's data, or `--only cli`'s. */
export type CliBenchData = Pick<BenchData, "options" | "tree" | "cli">;

/** The collect row's goal: collect ÷ ssh find, the floor listing numeric owners (issue 24). */
const COLLECT_GOAL = 2;

/** `deploylens collect` with the CLI's start subtracted, against `ssh host find …` (numeric owners). */
export function cliCollectVsFloor(data: CliBenchData): Figure {
  const base = {
    id: "cli-collect-vs-floor" as const,
    title: `\`deploylens collect\` of ${count(data.tree.counts.sources)} sources (CLI start excluded) vs \`ssh host find ROOT -printf …\` (numeric owners)`,
    goal: "≤ 2.0×",
  };
  const cli = data.cli;
  if (!cli) return skippedFigure(base, notRun);
  const collect = median(msOf(cli.collect));
  const start = median(msOf(cli.version));
  const floor = median(msOf(cli.sshFind));
  const ratio = (collect - start) / floor;
  return figureRow(base, {
    met: ratio <= COLLECT_GOAL,
    measured: `${seconds(collect - start)} (${seconds(collect)} minus ${seconds(start)} of CLI start) vs ssh find ${seconds(floor)}`,
    ratio,
    ratioText: `${times(ratio)} ssh find`,
    missedBy: `${times(ratio / COLLECT_GOAL)} over the goal: ${seconds(collect - start - COLLECT_GOAL * floor)} slower than ${COLLECT_GOAL} × ssh find`,
    values: {
      collectMedianMs: collect,
      cliStartMedianMs: start,
      sshFindMedianMs: floor,
      collectRunsMs: msOf(cli.collect),
      sshFindRunsMs: msOf(cli.sshFind),
    },
  });
}

/** Issue 12: peak RSS of the `deploylens collect` process at the base size: goal ≤ 200 MB. */
export function cliRss(data: CliBenchData): Figure {
  const base = {
    id: "cli-rss" as const,
    title: `Peak RSS of \`deploylens collect\` at ${count(data.tree.counts.sources)} sources`,
    goal: "≤ 200 MB",
  };
  if (!data.cli) return skippedFigure(base, notRun);
  const peak = median(rssOf(data.cli.collect));
  return limitFigure(
    base,
    peak,
    200e6,
    `${bytes(peak)} (median of ${data.cli.collect.length}; ${data.cli.rssMethod})`,
    {
      peakMedianBytes: peak,
      peakRunsBytes: rssOf(data.cli.collect),
    },
  );
}

/** Issue 12: memory bounded: peak RSS at a larger tree minus at the base size, goal ≤ 50 MB. */
function rssGrowth(
  data: CliBenchData,
  id: "cli-rss-growth" | "cli-rss-large",
  sized: { sources: number; peak: number } | null,
) {
  const base = {
    id,
    title: `Peak RSS growth of \`deploylens collect\` from ${count(data.tree.counts.sources)} to ${sized ? count(sized.sources) : id === "cli-rss-large" ? count(data.options.largeSources) : "more"} sources${id === "cli-rss-large" ? " (a tree of empty sources, no pycs)" : ""}`,
    // Issue 24 tightened the million-source growth: a bounded collection grows by what a walk needs, not by the tree.
    goal: `≤ ${id === "cli-rss-large" ? 30 : 50} MB (memory bounded)`,
  };
  if (!data.cli) return skippedFigure(base, notRun);
  if (!sized) return skippedFigure(base, "opt-in: run with --million");
  const atBase = median(rssOf(data.cli.collect));
  const growth = sized.peak - atBase;
  return limitFigure(
    base,
    growth,
    id === "cli-rss-large" ? 30e6 : 50e6,
    `${bytes(growth)} (${bytes(atBase)} → ${bytes(sized.peak)})`,
    {
      growthBytes: growth,
      basePeakBytes: atBase,
      peakBytes: sized.peak,
      sources: sized.sources,
    },
  );
}

export const cliRssGrowth = (data: CliBenchData) =>
  rssGrowth(
    data,
    "cli-rss-growth",
    data.cli ? { sources: data.cli.growth.sources, peak: data.cli.growth.collect.peakRssBytes } : null,
  );

export const cliRssLarge = (data: CliBenchData) =>
  rssGrowth(
    data,
    "cli-rss-large",
    data.cli?.large ? { sources: data.cli.large.sources, peak: data.cli.large.collect.peakRssBytes } : null,
  );

/** Issue 12: `deploylens --version` as a user's shell starts it: goal ≤ 0.3 s. */
export function cliVersion(data: CliBenchData): Figure {
  const base = { id: "cli-version" as const, title: "`deploylens --version`", goal: "≤ 0.3 s" };
  if (!data.cli) return skippedFigure(base, notRun);
  const version = median(msOf(data.cli.version));
  const bare = median(msOf(data.cli.nodeBare));
  return limitFigure(
    base,
    version,
    300,
    `${seconds(version)} (median of ${data.cli.version.length}; \`node -e 0\` ${seconds(bare)})`,
    {
      versionMedianMs: version,
      nodeBareMedianMs: bare,
      versionRunsMs: msOf(data.cli.version),
      nodeBareRunsMs: msOf(data.cli.nodeBare),
    },
  );
}

/** `deploylens compare` of two --million snapshots: time and peak RSS (issue 24: ≤ 5 s, ≤ 300 MB; issue 12 asked ≤ 1 GB). */
export function cliCompareLarge(data: CliBenchData): Figure {
  if (!data.cli) return skippedFigure(compareLargeBase(null, data.options.largeSources), notRun);
  return compareLargeFigure(data.cli.compareLarge, data.options.largeSources);
}

export const COMPARE_LARGE_GOAL = { ms: 5_000, bytes: 300e6 };

function compareLargeBase(large: CompareLarge | null, sources: number) {
  return {
    id: "cli-compare-large" as const,
    title: `\`deploylens compare\` of two ${count(large?.sources ?? sources)}-source snapshots (generated, stored by recordSnapshot): time and peak RSS`,
    goal: "≤ 5 s and ≤ 300 MB peak RSS",
  };
}

/** The row of `deploylens compare` at --large-sources; met when both medians (Markdown and --json) are in bounds. */
export function compareLargeFigure(large: CompareLarge | null, sources: number): Figure {
  const base = compareLargeBase(large, sources);
  if (!large) return skippedFigure(base, "opt-in: run with --million or --only compare");
  const peak = Math.max(median(rssOf(large.markdown)), median(rssOf(large.json)));
  const ms = median(msOf(large.markdown));
  const jsonMs = median(msOf(large.json));
  const measured =
    `Markdown ${seconds(ms)}, ${bytes(median(rssOf(large.markdown)))} peak RSS; ` +
    `--json ${seconds(jsonMs)}, ${bytes(median(rssOf(large.json)))} (medians of ${large.markdown.length})`;
  // The worse of time and memory, each against its own limit.
  const ratio = Math.max(Math.max(ms, jsonMs) / COMPARE_LARGE_GOAL.ms, peak / COMPARE_LARGE_GOAL.bytes);
  return figureRow(base, {
    met: ratio <= 1,
    measured,
    ratio,
    ratioText: `${ratio.toFixed(2)} of limit (the worse of time and memory)`,
    missedBy: `${ratio.toFixed(2)}× the limit`,
    values: {
      compareMedianMs: ms,
      compareJsonMedianMs: jsonMs,
      peakMedianBytes: median(rssOf(large.markdown)),
      peakJsonMedianBytes: median(rssOf(large.json)),
      compareRunsMs: msOf(large.markdown),
      compareJsonRunsMs: msOf(large.json),
      peakRunsBytes: rssOf(large.markdown),
      peakJsonRunsBytes: rssOf(large.json),
    },
  });
}
