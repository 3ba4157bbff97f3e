import { startApp } from "../../support/app";
import type { BenchTarget } from "../e2e/worker-protocol";
import type { RenderOutcome } from "../render/render-data";
import { snapshotPageRuns } from "../render/snapshot-page-timing";
import { bytes, millis, seconds } from "../report/format";
import { buildSkipReason, measureAppRss, type RssOutcome } from "../rss/app-rss";
import { dirCount, dirPath } from "../tree/tree-layout";
import type { Tree } from "../tree/build-tree";

export type DashboardContext = {
  smoke: boolean;
  target: BenchTarget;
  tree: Tree;
  python: string;
  renderRuns: number;
  log: (line: string) => void;
};

/** A file only one path holds: m7.py of the tree's last package (every package has more than 8 modules). */
export const searchQuery = (tree: Tree) => `${dirPath(dirCount(tree.counts.sources) - 1)}/m7.py`;

/**
 * One `next start` on a fresh database: its peak RSS through a collection of the tree started from the
 * API, then that snapshot's page in real Chromium. Both need a production build:
 * without one (smoke mode) both are skipped with the reason.
 */
export async function dashboardPhase(ctx: DashboardContext): Promise<{ rss: RssOutcome; render: RenderOutcome }> {
  const reason = buildSkipReason(ctx.smoke);
  if (reason) {
    ctx.log(`dashboard RSS and render skipped: ${reason}`);
    return { rss: { measured: false, reason }, render: { measured: false, reason } };
  }
  const app = await startApp();
  try {
    ctx.log("dashboard RSS: next start, one collection through the API …");
    const figures = await measureAppRss(app, ctx.target, ctx.tree.root, ctx.python);
    if (!figures.snapshot.ok) throw new Error(`the collection through the dashboard failed: ${figures.snapshot.code}`);
    ctx.log(
      `  peak ${bytes(figures.peakBytes)} (before: ${bytes(figures.baselinePeakBytes)}), collection ${seconds(figures.collectionMs)}`,
    );
    const query = searchQuery(ctx.tree);
    const runs = await snapshotPageRuns(app, figures.snapshot.id, query, ctx.renderRuns);
    for (const run of runs)
      ctx.log(
        `snapshot page: first row ${millis(run.firstRowMs)}, ${run.domRows} DOM rows, search ${millis(run.searchMs)}`,
      );
    return {
      rss: { measured: true, figures },
      render: {
        measured: true,
        data: { files: figures.snapshot.sources, snapshotId: figures.snapshot.id, query, runs },
      },
    };
  } finally {
    await app.stop();
  }
}
