import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSshd, type Sshd } from "../support/sshd";
import { ansibleArgs, ansibleCommandLine, ensureAnsible } from "./ansible";
import type { BenchOptions } from "./bench-options";
import { benchTarget } from "./e2e/bench-host";
import { floorCommand } from "./floor";
import { machineInfo, noteStartLoad } from "./machine-info";
import { revision } from "./revision";
import { loadPhase } from "./load/load-phase";
import { cliPhase } from "./phases/cli-phase";
import { closurePhase } from "./phases/closure-phase";
import { dashboardPhase } from "./phases/dashboard-phase";
import { linearityPhase } from "./phases/linearity-phase";
import { timingPairs } from "./phases/timing-pairs";
import { profileMissed } from "./profile/profile-missed";
import type { BenchData } from "./report/bench-data";
import { writeResults } from "./report/write-results";
import { benchVenv } from "./tree/bench-venv";
import { buildTree, CACHE_DIR, type Tree } from "./tree/build-tree";
import { emptySourceTree } from "./large/empty-source-tree";

const log = (line: string) => console.log(`[bench] ${line}`);
const COMMITTED_DIR = import.meta.dirname;

function commandOf(options: BenchOptions): string {
  const flags = process.argv.slice(2).filter((arg, i, all) => arg !== "--out" && all[i - 1] !== "--out");
  return options.smoke || flags.length ? `npm run bench -- ${flags.join(" ")}`.trim() : "npm run bench";
}

/** The bench: trees, sshd, timed pairs, RSS, optional 1M run, profiles of missed goals, the reports. */
export async function benchMain(options: BenchOptions): Promise<void> {
  noteStartLoad();
  const measured = revision();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-"));
  const tree = buildTree(options.sources, "a", log);
  const treeB = buildTree(options.sources, "b", log);
  const loadTrees: [Tree, Tree] = [
    buildTree(options.load.sources, "a", log),
    buildTree(options.load.sources, "b", log),
  ];
  // --million walks trees of empty sources (built in a minute) and compares generated snapshots: two compiled
  // trees of a million files would take over an hour to build.
  const large = options.million ? await emptySourceTree(options.largeSources, log) : null;
  const largeBase = options.million ? await emptySourceTree(options.sources, log) : null;
  const ansible = ensureAnsible(!options.smoke, log);
  const sshd = await startSshd();
  try {
    const target = benchTarget(sshd);
    const python = benchVenv(tree.python, CACHE_DIR);
    const args = ansibleArgs(sshd, tree.root, tree.python.path);
    log(
      `sshd on 127.0.0.1:${sshd.port}; ${options.runs} run(s) of snapshot / floor${ansible.available ? " / Ansible" : ""} …`,
    );
    const pairs = await timingPairs({
      workDir: work,
      sshd,
      target,
      python,
      rootA: tree.root,
      rootB: treeB.root,
      ansibleArgs: ansible.available ? args : null,
      runs: options.runs,
      ansibleRuns: options.ansibleRuns,
      log,
    });
    const { rss, render } = await dashboardPhase({
      smoke: options.smoke,
      target,
      tree,
      python,
      renderRuns: options.renderRuns,
      log,
    });
    const load = await loadPhase({ smoke: options.smoke, ...options.load, trees: loadTrees, python, log });
    const closure = await closurePhase(work, tree.python.path, options.smoke, log);
    const cli = await cliPhase({
      workDir: work,
      sshd,
      target,
      python,
      tree,
      // Built when first needed: the larger tree takes longest, and everything before runs without it.
      growth: buildTree(options.growthSources, "a", log),
      large,
      runs: options.runs,
      log,
    });
    const linearity =
      large && largeBase
        ? await linearityPhase({ workDir: work, target, python, base: largeBase, large, runs: options.runs, log })
        : null;
    const data: BenchData = {
      options,
      date: new Date().toISOString(),
      command: commandOf(options),
      machine: machineInfo(),
      revision: measured,
      tree,
      treeB,
      warmup: pairs.warmup,
      e2e: pairs.e2e,
      floor: pairs.floor,
      floorCommand: floorCommand("ROOT"),
      ansible,
      ansibleCommand: ansibleCommandLine(args)
        .replaceAll(tree.root, "ROOT")
        .replaceAll(sshd.privateKeyPath, "KEY")
        .replace(`ansible_port=${sshd.port}`, "ansible_port=PORT"),
      ansibleRuns: pairs.ansible,
      resnapshot: pairs.resnapshot,
      compare: pairs.compare,
      rss,
      linearity,
      profiles: null,
      closure,
      cli,
      load,
      render,
    };
    data.profiles = await profileMissed(
      data,
      {
        dir: path.join(work, "profile"),
        target,
        python,
        runner: tree.python.path,
        rootA: tree.root,
        rootB: treeB.root,
      },
      log,
    );
    const out = options.out ?? (options.smoke ? path.join(work, "results") : COMMITTED_DIR);
    for (const figure of writeResults(out, data))
      log(
        `${figure.id}: ${figure.status} — ${figure.measured} (${figure.ratioText})${figure.reason ? `: ${figure.reason}` : ""}`,
      );
    log(`results: ${path.join(out, "results.json")}`);
  } finally {
    await sshd.stop();
    removeWork(work, options);
  }
}

/** Removes the run's temp dir, but keeps smoke results written there (no --out). */
function removeWork(work: string, options: BenchOptions): void {
  const keep = options.smoke && !options.out ? "results" : null;
  for (const entry of fs.readdirSync(work))
    if (entry !== keep) fs.rmSync(path.join(work, entry), { recursive: true, force: true });
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
}
