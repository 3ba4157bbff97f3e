import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "../bench-options";
import { loadPhase } from "../load/load-phase";
import { machineInfo, noteStartLoad } from "../machine-info";
import { loadMethodLine, loadRunLine } from "../report/client-rows-markdown";
import { loadFigure } from "../report/load-figure";
import { loadEventLoopFigure, loadLatencyFigure } from "../report/load-latency-figures";
import { writePartialRun } from "../report/write-partial-run";
import { revision } from "../revision";
import { benchVenv } from "../tree/bench-venv";
import { builtTree } from "../tree/build-tree";

const log = (line: string) => console.log(`[bench] ${line}`);

/** The two load trees, as a full run built them: this part measures on them and never builds one. */
function loadTrees(sources: number) {
  const a = builtTree(sources, "a");
  const b = builtTree(sources, "b");
  if (!a || !b)
    throw new Error(`no built ${sources}-source trees a and b in tests/bench/.cache: a full run builds them`);
  return [a, b] as const;
}

/**
 * `--only load`: the load run alone (collections on several sshd while signed-in clients read), on the trees
 * a full run built. Written over the load rows of RESULTS.md and results.json; every other row stays.
 * `DEPLOYLENS_BENCH_SERVER_CPU_PROFILE=DIR` also writes a V8 CPU profile of the server there.
 */
export async function loadOnly(options: BenchOptions, command: string): Promise<void> {
  noteStartLoad();
  const measured = revision();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-load-"));
  try {
    const trees = loadTrees(options.load.sources);
    const python = benchVenv(trees[0].python, work);
    const load = await loadPhase({
      smoke: options.smoke,
      ...options.load,
      trees: [...trees],
      python,
      log,
      cpuProfileDir: process.env.DEPLOYLENS_BENCH_SERVER_CPU_PROFILE ?? null,
    });
    const machine = machineInfo();
    const { load: average } = machine;
    const commit = `${measured.commit}${measured.uncommittedFiles ? ` + ${measured.uncommittedFiles} changed files` : ""}`;
    // Rows of one table come from different runs: each says its load and commit.
    const note = `; load average ${average.start.toFixed(2)} at the start, ${average.end?.toFixed(2) ?? "?"} at the end; commit ${commit}`;
    const data = { options, load };
    const figures = [loadFigure(data), loadLatencyFigure(data), loadEventLoopFigure(data)].map((f) =>
      f.status === "skipped" ? f : { ...f, measured: f.measured + note },
    );
    for (const figure of figures) log(`${figure.id}: ${figure.status} — ${figure.measured} (${figure.ratioText})`);
    const dir = options.out ?? (options.smoke ? path.join(work, "results") : path.resolve(import.meta.dirname, ".."));
    if (load.measured)
      writePartialRun(dir, {
        figures,
        command,
        machine,
        revision: measured,
        method: { prefix: "- **Load** ", line: loadMethodLine(load.run) },
        runs: { prefix: "- Load: ", lines: [loadRunLine(load.run)] },
        noteKey: "onlyLoad",
        // What a later full report reads for these rows.
        data: { load },
      });
    log(`results: ${path.join(dir, "RESULTS.md")}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
