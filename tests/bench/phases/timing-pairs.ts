import path from "node:path";
import type { Sshd } from "../../support/sshd";
import { runAnsible, type AnsibleRun } from "../ansible";
import { runWorker } from "../e2e/run-worker";
import type { BenchTarget, CompareFigures, SnapshotFigures } from "../e2e/worker-protocol";
import { runFloor, type FloorRun } from "../floor";
import { millis, seconds } from "../report/format";

export type PairsContext = {
  workDir: string;
  sshd: Sshd;
  target: BenchTarget;
  python: string;
  rootA: string;
  rootB: string | null;
  /** null when Ansible is not available. */
  ansibleArgs: string[] | null;
  runs: number;
  ansibleRuns: number;
  log: (line: string) => void;
};
export type PairsResult = {
  /** One unmeasured snapshot and floor first, so neither side's first run pays for a cold page cache. */
  warmup: { e2eMs: number; floorMs: number };
  e2e: SnapshotFigures[];
  floor: FloorRun[];
  ansible: AnsibleRun[];
  resnapshot: SnapshotFigures | null;
  compare: CompareFigures | null;
};

/**
 * Snapshot, floor, Ansible, snapshot, floor, Ansible…: each comparison alternates its sides within the
 * run, so drift (page cache, thermal, other load) hits both alike, after one warm-up of each. Each snapshot gets a fresh database;
 * the first one is also re-taken (store bytes of an identical snapshot) and compared with tree b.
 */
export async function timingPairs(ctx: PairsContext): Promise<PairsResult> {
  const warm = await runWorker(path.join(ctx.workDir, "warmup"), {
    target: ctx.target,
    python: ctx.python,
    rootA: ctx.rootA,
    resnapshot: false,
    rootB: null,
    compareRuns: 0,
  });
  const warmFloor = await runFloor(ctx.sshd, ctx.rootA);
  ctx.log(`warm-up (not counted): snapshot ${seconds(warm.first.ms)}, floor ${seconds(warmFloor.ms)}`);
  const result: PairsResult = {
    warmup: { e2eMs: warm.first.ms, floorMs: warmFloor.ms },
    e2e: [],
    floor: [],
    ansible: [],
    resnapshot: null,
    compare: null,
  };
  for (let run = 0; run < ctx.runs; run++) {
    const first = run === 0;
    const worker = await runWorker(path.join(ctx.workDir, `e2e-${run}`), {
      target: ctx.target,
      python: ctx.python,
      rootA: ctx.rootA,
      resnapshot: first,
      rootB: first ? ctx.rootB : null,
      compareRuns: Math.max(ctx.runs, 1),
    });
    if (!worker.first.ok) throw new Error(`the snapshot failed: ${worker.first.code}: ${worker.first.message}`);
    result.e2e.push(worker.first);
    if (first) Object.assign(result, { resnapshot: worker.again, compare: worker.compare });
    const floor = await runFloor(ctx.sshd, ctx.rootA);
    result.floor.push(floor);
    let line = `run ${run + 1}/${ctx.runs}: snapshot ${seconds(worker.first.ms)} (collector ${seconds(worker.first.collectorMs ?? NaN)}), floor ${seconds(floor.ms)}`;
    if (ctx.ansibleArgs && run < ctx.ansibleRuns) {
      const ansible = await runAnsible(ctx.ansibleArgs);
      result.ansible.push(ansible);
      line += `, Ansible ${seconds(ansible.ms)}`;
    }
    ctx.log(line);
    if (first && worker.compare)
      ctx.log(
        `  compare(): ${worker.compare.compareMs.map(millis).join(", ")} (load ${millis(worker.compare.loadMs)})`,
      );
  }
  return result;
}
