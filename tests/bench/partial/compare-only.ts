import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "../bench-options";
import { machineInfo, noteStartLoad } from "../machine-info";
import { compareLargePhase } from "../phases/compare-large-phase";
import { compareLargeFigure } from "../report/cli-figures";
import { updateResults } from "../report/update-results";
import { revision } from "../revision";

const log = (line: string) => console.log(`[bench] ${line}`);

/**
 * `--only compare`: the row of `deploylens compare` of two --large-sources snapshots alone (no sshd, no trees:
 * they are generated), written over that row of RESULTS.md and results.json; every other row stays.
 */
export async function compareOnly(options: BenchOptions, command: string): Promise<void> {
  noteStartLoad();
  const measured = revision();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-compare-"));
  try {
    const large = await compareLargePhase(work, options.largeSources, options.runs, log);
    const figure = compareLargeFigure(large, options.largeSources);
    const dir = options.out ?? path.resolve(import.meta.dirname, "..");
    const { load } = machineInfo();
    const commit = `${measured.commit}${measured.uncommittedFiles ? ` + ${measured.uncommittedFiles} changed files` : ""}`;
    updateResults(dir, [figure], { date: new Date().toISOString(), command, revision: commit, load, data: large });
    log(`${figure.id}: ${figure.status} — ${figure.measured} (${figure.ratioText})`);
    log(`results: ${path.join(dir, "RESULTS.md")}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
