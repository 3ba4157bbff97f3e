import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSshd } from "../../support/sshd";
import type { BenchOptions } from "../bench-options";
import { benchTarget } from "../e2e/bench-host";
import { machineInfo, noteStartLoad } from "../machine-info";
import { dashboardPhase } from "../phases/dashboard-phase";
import { renderMethodLine, renderRunLine } from "../report/client-rows-markdown";
import { renderSearch, renderTable } from "../report/render-figures";
import { writePartialRun } from "../report/write-partial-run";
import { revision } from "../revision";
import { benchVenv } from "../tree/bench-venv";
import { buildTree, CACHE_DIR } from "../tree/build-tree";

const log = (line: string) => console.log(`[bench] ${line}`);
const COMMITTED_DIR = path.resolve(import.meta.dirname, "..");

/**
 * `npm run bench -- --only render`: the snapshot page rows alone. Tree a (built once, reused from the cache) is
 * collected into a fresh dashboard through its API, then its page is opened in Chromium as the full run does;
 * only those rows of RESULTS.md and results.json, their method and run bullets change.
 */
export async function renderOnlyBench(options: BenchOptions): Promise<void> {
  noteStartLoad();
  const commit = revision();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-render-"));
  const tree = buildTree(options.sources, "a", log);
  const sshd = await startSshd();
  try {
    // A venv made by a full run is reused; otherwise one of this run's own, so the shared cache is left as it is.
    const python = benchVenv(
      tree.python,
      fs.existsSync(path.join(CACHE_DIR, `venv-${tree.python.version}`)) ? CACHE_DIR : work,
    );
    const { render } = await dashboardPhase({
      smoke: options.smoke,
      target: benchTarget(sshd),
      tree,
      python,
      renderRuns: options.renderRuns,
      log,
    });
    const data = { render, tree };
    const figures = [renderTable(data), renderSearch(data)];
    for (const f of figures) log(`${f.id}: ${f.status} — ${f.measured} (${f.ratioText})`);
    const out = options.out ?? (options.smoke ? path.join(work, "results") : COMMITTED_DIR);
    const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
    const machine = machineInfo();
    log(`load average ${machine.load.start.toFixed(2)} at the start, ${machine.load.end?.toFixed(2)} at the end`);
    if (render.measured)
      writePartialRun(out, {
        figures,
        command,
        machine,
        revision: commit,
        method: { prefix: "- **Snapshot page** ", line: renderMethodLine(render.data) },
        runs: { prefix: "- Snapshot page: ", lines: [renderRunLine(render.data)] },
        noteKey: "onlyRender",
        data: { render },
      });
    log(`results: ${path.join(out, "RESULTS.md")}`);
  } finally {
    await sshd.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
