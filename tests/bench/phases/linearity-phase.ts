import path from "node:path";
import { runWorker } from "../e2e/run-worker";
import type { BenchTarget, SnapshotFigures } from "../e2e/worker-protocol";
import { seconds } from "../report/format";
import type { Linearity } from "../report/bench-data";
import type { LargeTree } from "./cli-phase";

export type LinearityContext = {
  workDir: string;
  target: BenchTarget;
  python: string;
  base: LargeTree;
  large: LargeTree;
  runs: number;
  log: (line: string) => void;
};

async function snapshot(dir: string, ctx: LinearityContext, root: string): Promise<SnapshotFigures> {
  const worker = await runWorker(dir, {
    target: ctx.target,
    python: ctx.python,
    rootA: root,
    resnapshot: false,
    rootB: null,
    compareRuns: 0,
  });
  if (!worker.first.ok)
    throw new Error(`the snapshot of ${root} failed: ${worker.first.code}: ${worker.first.message}`);
  return worker.first;
}

/**
 * --million: a snapshot of the large tree and one of the base tree (both of empty sources, see
 * empty-source-tree.ts), alternating, `runs` times each, after one unmeasured snapshot of the large tree.
 */
export async function linearityPhase(ctx: LinearityContext): Promise<Linearity> {
  const warmup = await snapshot(path.join(ctx.workDir, "large-warmup"), ctx, ctx.large.root);
  ctx.log(`linearity warm-up (not counted): ${ctx.large.counts.sources} sources ${seconds(warmup.ms)}`);
  const result: Linearity = { tree: ctx.large, baseTree: ctx.base, warmupMs: warmup.ms, large: [], base: [] };
  for (let run = 0; run < ctx.runs; run++) {
    const large = await snapshot(path.join(ctx.workDir, `large-${run}`), ctx, ctx.large.root);
    const base = await snapshot(path.join(ctx.workDir, `base-${run}`), ctx, ctx.base.root);
    result.large.push(large);
    result.base.push(base);
    ctx.log(
      `linearity ${run + 1}/${ctx.runs}: ${ctx.large.counts.sources} sources ${seconds(large.ms)}, ${ctx.base.counts.sources} sources ${seconds(base.ms)}`,
    );
  }
  return result;
}
