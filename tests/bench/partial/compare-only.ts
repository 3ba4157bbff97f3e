import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "../bench-options";
import { machineInfo, noteStartLoad } from "../machine-info";
import { compareLargeDir, compareLargePhase } from "../phases/compare-large-phase";
import { dashboardCompareRss, eventLoopCompare } from "../report/compare-page-figures";
import { buildSkipReason } from "../rss/app-rss";
import { measureComparePage } from "../rss/compare-page-rss";
import { compareLargeFigure } from "../report/cli-figures";
import { updateResults } from "../report/update-results";
import { revision } from "../revision";

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
    const page = skip
      ? null
      : await measureComparePage(path.join(compareLargeDir(work), "large.db"), ["large-a", "large-b"]);
    const figures = [
      compareLargeFigure(large, options.largeSources),
      dashboardCompareRss(page, options.largeSources, skip ?? ""),
      eventLoopCompare(page, options.largeSources, skip ?? ""),
    ];
    const dir = options.out ?? path.resolve(import.meta.dirname, "..");
    const { load } = machineInfo();
    const commit = `${measured.commit}${measured.uncommittedFiles ? ` + ${measured.uncommittedFiles} changed files` : ""}`;
    updateResults(dir, figures, {
      date: new Date().toISOString(),
      command,
      revision: commit,
      load,
      data: { large, page },
    });
    for (const figure of figures) log(`${figure.id}: ${figure.status} — ${figure.measured} (${figure.ratioText})`);
    log(`results: ${path.join(dir, "RESULTS.md")}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
