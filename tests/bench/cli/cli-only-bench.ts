import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSshd } from "../../support/sshd";
import type { BenchOptions } from "../bench-options";
import { benchTarget } from "../e2e/bench-host";
import { emptySourceTree } from "../large/empty-source-tree";
import { machineInfo, noteStartLoad } from "../machine-info";
import { cliPhase } from "../phases/cli-phase";
import type { CliData } from "./cli-figures-data";
import type { Figure } from "../report/bench-data";
import { cliMethodLine, cliRunLines } from "../report/client-rows-markdown";
import {
  cliCollectVsFloor,
  cliCompareLarge,
  cliRss,
  cliRssGrowth,
  cliRssLarge,
  cliVersion,
  type CliBenchData,
} from "../report/cli-figures";
import { writePartialRun } from "../report/write-partial-run";
import { revision } from "../revision";
import { benchVenv } from "../tree/bench-venv";
import { buildTree, CACHE_DIR } from "../tree/build-tree";

const log = (line: string) => console.log(`[bench] ${line}`);
const COMMITTED_DIR = path.resolve(import.meta.dirname, "..");

/** The CLI rows this run measures: the 1,000,000-source ones only with --million. */
function cliFigures(data: CliBenchData): Figure[] {
  const always = [cliCollectVsFloor(data), cliRss(data), cliRssGrowth(data), cliVersion(data)];
  return data.options.million ? [...always, cliRssLarge(data), cliCompareLarge(data)] : always;
}

/**
 * `npm run bench -- --only cli`: the CLI rows alone (trees a and the growth tree, one sshd), written into the
 * existing RESULTS.md and results.json: only these rows, their method and run bullets change.
 */
export async function cliOnlyBench(options: BenchOptions): Promise<void> {
  noteStartLoad();
  const commit = revision();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-cli-"));
  const tree = buildTree(options.sources, "a", log);
  const large = options.million ? await emptySourceTree(options.largeSources, log) : null;
  const sshd = await startSshd();
  try {
    const target = benchTarget(sshd);
    const python = benchVenv(tree.python, CACHE_DIR);
    const growth = buildTree(options.growthSources, "a", log);
    const measured = await cliPhase({
      workDir: work,
      sshd,
      target,
      python,
      tree,
      growth,
      large,
      runs: options.runs,
      log,
    });
    // Without --million the 1,000,000-source rows keep their last figures: so do the run's notes about them.
    const cli = options.million ? measured : { ...measured, ...previousLarge(options.out ?? COMMITTED_DIR) };
    const data: CliBenchData = { options, tree, cli };
    const figures = cliFigures(data);
    for (const f of figures) log(`${f.id}: ${f.status} — ${f.measured} (${f.ratioText})`);
    const out = options.out ?? (options.smoke ? path.join(work, "results") : COMMITTED_DIR);
    const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
    const machine = machineInfo();
    log(`load average ${machine.load.start.toFixed(2)} at the start, ${machine.load.end?.toFixed(2)} at the end`);
    writePartialRun(out, {
      figures,
      command,
      machine,
      revision: commit,
      method: { prefix: "- **CLI** ", line: cliMethodLine(cli) },
      runs: { prefix: "- CLI `", lines: cliRunLines(cli) },
      noteKey: "onlyCli",
      data: { cli },
    });
    log(`results: ${path.join(out, "RESULTS.md")}`);
  } finally {
    await sshd.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The --million parts of the CLI data results.json holds, if any. */
function previousLarge(dir: string): Pick<CliData, "large" | "compareLarge"> {
  const file = path.join(dir, "results.json");
  if (!fs.existsSync(file)) return { large: null, compareLarge: null };
  const cli = (JSON.parse(fs.readFileSync(file, "utf8")) as { cli?: Partial<CliData> | null }).cli;
  return { large: cli?.large ?? null, compareLarge: cli?.compareLarge ?? null };
}
