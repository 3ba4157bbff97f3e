import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "../bench-options";
import type { CompareLarge } from "../cli/cli-figures-data";
import { machineInfo, noteStartLoad } from "../machine-info";
import { compareLargeDir, compareLargePhase } from "../phases/compare-large-phase";
import type { Figure } from "../report/bench-data";
import { compareLargeFigure } from "../report/cli-figures";
import { dashboardCompareRss, eventLoopCompare } from "../report/compare-page-figures";
import { readResults, updateRows } from "../report/update-rows";
import { revision } from "../revision";
import { buildSkipReason } from "../rss/app-rss";
import { measureComparePage, type ComparePageFigures } from "../rss/compare-page-rss";

const log = (line: string) => console.log(`[bench] ${line}`);

/**
 * `--only compare`: the rows of comparing two --large-sources snapshots alone (no sshd, no trees: they are
 * generated): `deploylens compare`, then the dashboard serving their compare page (its peak RSS, its event
 * loop's longest delay). Written over those rows of RESULTS.md and results.json; every other row stays.
 */
export async function compareOnly(options: BenchOptions, command: string): Promise<void> {
  noteStartLoad();
  const measured = revision();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-compare-"));
  try {
    const large = await compareLargePhase(work, options.largeSources, options.runs, log);
    const skip = buildSkipReason(options.smoke);
    log(skip ? `dashboard: ${skip}` : "dashboard: serving the compare page of those two snapshots …");
    const database = path.join(compareLargeDir(work), "large.db");
    const page = skip ? null : await measureComparePage(database, ["large-a", "large-b"]);
    const { load } = machineInfo();
    // Rows of one table now come from different runs: each says its load and commit.
    const commit = `${measured.commit}${measured.uncommittedFiles ? ` + ${measured.uncommittedFiles} changed files` : ""}`;
    const note = `; load average ${load.start.toFixed(2)} at the start, ${load.end?.toFixed(2) ?? "?"} at the end; commit ${commit}`;
    const figures = [
      compareLargeFigure(large, options.largeSources),
      dashboardCompareRss(page, options.largeSources, skip ?? ""),
      eventLoopCompare(page, options.largeSources, skip ?? ""),
    ].map((f) => (f.status === "skipped" ? f : { ...f, measured: f.measured + note }));
    const dir = options.out ?? path.resolve(import.meta.dirname, "..");
    writeCompareRows(dir, { figures, large, page, command, date: new Date().toISOString() });
    for (const figure of figures) log(`${figure.id}: ${figure.status} — ${figure.measured} (${figure.ratioText})`);
    log(`results: ${path.join(dir, "RESULTS.md")}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

type CompareRun = {
  figures: Figure[];
  large: CompareLarge;
  page: ComparePageFigures | null;
  command: string;
  date: string;
};

/** Updates these rows of RESULTS.md and results.json in `dir` (tests/bench/report/update-rows.ts), nothing else. */
function writeCompareRows(dir: string, run: CompareRun): void {
  const { jsonFile, mdFile, json, previous, markdown: before } = readResults(dir);
  const runLine = `- Compare measured alone (${run.command}):`;
  const markdown = updateRows(before, {
    previous,
    figures: run.figures,
    date: run.date,
    command: run.command,
    method: { prefix: "- **Compare measured alone**", line: "" },
    runs: { prefix: runLine, lines: [] },
  });
  fs.writeFileSync(mdFile, markdown);
  const figures = previous.map((f) => run.figures.find((g) => g.id === f.id) ?? f);
  figures.push(...run.figures.filter((f) => !previous.some((p) => p.id === f.id)));
  // `cli.compareLarge` is what a later `--only cli` or full report reads for this row.
  const cli = json.cli && typeof json.cli === "object" ? { ...json.cli, compareLarge: run.large } : json.cli;
  const partial = { date: run.date, command: run.command, ids: run.figures.map((f) => f.id), page: run.page };
  fs.writeFileSync(jsonFile, `${JSON.stringify({ ...json, cli, figures, onlyCompare: partial }, null, 2)}\n`);
}
