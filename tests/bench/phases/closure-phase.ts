import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { ClosureRun } from "../report/bench-data";

const PER_PACKAGE = 100;

/** A service whose `-m main` imports `packages` packages of 100 modules each (100: a 10,000-module closure). */
function buildClosureTree(dir: string, python: string, packages: number): { app: string; unitFile: string } {
  const app = path.join(dir, "app");
  for (let p = 0; p < packages; p++) {
    fs.mkdirSync(path.join(app, `big${p}`), { recursive: true });
    const imports = Array.from({ length: PER_PACKAGE }, (_, m) => `from . import m${m}\n`).join("");
    fs.writeFileSync(path.join(app, `big${p}`, "__init__.py"), imports);
    for (let m = 0; m < PER_PACKAGE; m++)
      fs.writeFileSync(path.join(app, `big${p}`, `m${m}.py`), `import os\nVALUE = ${m}\n`);
  }
  fs.writeFileSync(path.join(app, "main.py"), Array.from({ length: packages }, (_, p) => `import big${p}\n`).join(""));
  const venv = path.join(dir, "venv");
  execFileSync(python, ["-m", "venv", "--without-pip", venv]);
  const unitFile = path.join(dir, "closure.service");
  fs.writeFileSync(unitFile, `[Service]\nWorkingDirectory=${app}\nExecStart=${venv}/bin/python3 -m main\n`);
  return { app, unitFile };
}

/** One local collection of that service (1,000 modules for --smoke): its time, and whether the closure was followed whole. */
export async function closurePhase(
  workDir: string,
  python: string,
  smoke: boolean,
  log: (line: string) => void,
): Promise<ClosureRun> {
  const { app, unitFile } = buildClosureTree(path.join(workDir, "closure"), python, smoke ? 10 : 100);
  const { runCollector } = await import("@/lib/collector/run-collector");
  const { createLocalTransport } = await import("@/lib/transport/local");
  const { defaultSpec } = await import("@/lib/collector/spec");
  const spec = {
    ...defaultSpec,
    appRoots: [app],
    service: "closure.service",
    unitFile,
    python: null,
    measureStartup: false,
  };
  const started = performance.now();
  const outcome = await runCollector(createLocalTransport(), spec);
  const ms = performance.now() - started;
  if (!outcome.ok) throw new Error(`closure collection failed: ${outcome.code}: ${outcome.message}`);
  const startup = outcome.inventory.startup;
  const run = {
    modules: startup?.modules.length ?? 0,
    ms,
    boundMs: spec.maxSeconds * 1000,
    truncated: startup?.truncated !== null,
  };
  log(`startup closure: ${run.modules} modules in ${Math.round(ms)} ms${run.truncated ? " (truncated)" : ""}`);
  return run;
}
