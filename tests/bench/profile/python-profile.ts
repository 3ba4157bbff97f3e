import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { collectorProgram } from "@/lib/collector/collector-program";
import { defaultSpec, type CollectorSpec } from "@/lib/collector/spec";
import { BENCH_LIMITS } from "../e2e/bench-host";

export type PythonCost = { function: string; calls: number; selfMs: number; cumulativeMs: number };
export type PythonProfile = { wallMs: number; profiledMs: number; top: PythonCost[] };

/** The spec collectHost sends for a bench host (see lib/hosts/spec-for-host.ts). */
export function benchSpec(root: string, python: string): CollectorSpec {
  return {
    ...defaultSpec,
    appRoots: [root],
    service: null,
    unitFile: null,
    python,
    measureStartup: false,
    maxFiles: BENCH_LIMITS.maxFiles,
    maxSeconds: BENCH_LIMITS.timeoutSeconds * 0.8,
  };
}

const TOP = `
import json, os, pstats, sys
stats = pstats.Stats(sys.argv[1]).stats
rows = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:int(sys.argv[2])]
name = lambda f, line, fn: fn if f == "~" else "%s (%s:%d)" % (fn, os.path.basename(f), line)
print(json.dumps({"total": sum(v[2] for v in stats.values()), "top": [
  {"function": name(*k), "calls": v[1], "selfMs": round(v[2] * 1000), "cumulativeMs": round(v[3] * 1000)} for k, v in rows]}))
`;

/**
 * The collector under cProfile on this machine, as the same user the SSH session runs as, with the
 * spec a bench snapshot sends: where its time goes, by self time. Only the main thread is profiled.
 */
export function profileCollector(root: string, runner: string, python: string, count = 15): PythonProfile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-pyprof-"));
  try {
    const program = path.join(dir, "collect.py");
    const statsFile = path.join(dir, "collect.prof");
    fs.writeFileSync(program, collectorProgram());
    const spec = Buffer.from(JSON.stringify(benchSpec(root, python))).toString("base64");
    const started = performance.now();
    // As collectorCommand runs it (LC_ALL=C, -I -B), with the program from a file instead of stdin.
    const env = { ...process.env, LC_ALL: "C" };
    const run = spawnSync(runner, ["-I", "-B", "-m", "cProfile", "-o", statsFile, program, spec], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const wallMs = performance.now() - started;
    if (run.status !== 0)
      throw new Error(`the profiled collector exited with ${run.status}: ${run.stderr.toString().slice(-2000)}`);
    const summary = JSON.parse(
      execFileSync(runner, ["-I", "-B", "-c", TOP, statsFile, String(count)], { encoding: "utf8" }),
    ) as { total: number; top: PythonCost[] };
    return { wallMs, profiledMs: Math.round(summary.total * 1000), top: summary.top };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
