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
import { readResults, updateRows } from "../report/update-rows";
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
    writeCliRows(out, { figures, cli, command, machine, revision: commit, date: new Date().toISOString() });
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

type CliRun = {
  figures: Figure[];
  cli: NonNullable<CliBenchData["cli"]>;
  command: string;
  date: string;
  machine: ReturnType<typeof machineInfo>;
  revision: ReturnType<typeof revision>;
};

/** Updates the CLI rows of RESULTS.md and results.json in `dir`, leaving every other row as it was. */
function writeCliRows(dir: string, run: CliRun): void {
  const { jsonFile, mdFile, json, previous, markdown: before } = readResults(dir);
  const { load } = run.machine;
  const note =
    ` Last measured alone by \`${run.command}\` on ${run.date.slice(0, 10)} (commit ${run.revision.commit}), ` +
    `load average ${load.start.toFixed(2)} at the start, ${load.end?.toFixed(2) ?? "?"} at the end.`;
  const markdown = updateRows(before, {
    previous,
    figures: run.figures,
    date: run.date,
    command: run.command,
    method: { prefix: "- **CLI** ", line: cliMethodLine(run.cli) + note },
    runs: { prefix: "- CLI `", lines: cliRunLines(run.cli) },
  });
  fs.writeFileSync(mdFile, markdown);
  const ids = new Set(run.figures.map((f) => f.id));
  const figures = previous.map((f) => run.figures.find((g) => g.id === f.id) ?? f);
  figures.push(...run.figures.filter((f) => !previous.some((p) => p.id === f.id)));
  const partial = { date: run.date, command: run.command, machine: run.machine, revision: run.revision, ids: [...ids] };
  const next = { ...json, cli: run.cli, figures, onlyCli: partial };
  fs.writeFileSync(jsonFile, `${JSON.stringify(next, null, 2)}\n`);
}
