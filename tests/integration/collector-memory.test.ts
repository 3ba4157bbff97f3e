import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { collectorCommand } from "@/lib/collector/collector-command";
import { collectorProgram } from "@/lib/collector/collector-program";
import type { Measurements } from "@/lib/snapshot/schema";
import { cachedManyFiles, writeManyFiles } from "../support/fixtures/many-files";
import { testSpec } from "../support/fixtures/collect";
import { createVenv, type Venv } from "../support/fixtures/venv";
import { realPython } from "../support/python";
import { followPeakRss } from "../support/peak-rss";
import { tempDir } from "../support/temp-dir";

// The collector runs on the target, often a small VPS next to the app it inspects: its memory must not grow
// with the tree. Each source leaves in a "records" line as the walk goes (lib/collector/python/55_records.py)
// and the collector keeps nothing of it. Measured here as the peak resident set (VmHWM, read from /proc while
// it runs) of the real collector walking a tree of 1,000,000 empty sources, against the same collector
// walking ten. Holding each sent source as a seven-value row cost about 0.25 KB a source (+210 MB here);
// the limit allows a tenth of that. The million-file tree is built once per machine and kept
// (tests/support/fixtures/many-files.ts; .ci/run builds it in the background).

const SOURCES = 1_000_000;
const GROWTH_LIMIT = 100 * 1024 * 1024;
const temp = tempDir("deploylens-collector-memory-");
let million: string;
let tiny: string;
let venv: Venv;
afterAll(() => temp.remove());

beforeAll(async () => {
  million = await cachedManyFiles(SOURCES);
  tiny = path.join(temp.dir, "tiny");
  writeManyFiles(tiny, 10, 10);
  // Without packages: the interpreter's own site-packages would add the same thousands of sources to both walks.
  venv = createVenv(realPython(), path.join(temp.dir, "venv"));
}, 1_200_000);

type Run = { exitCode: number | null; stderr: string; peak: number; sources: number; lastLine: string };

/** Runs the collector over `root` as a collection does, and reads its VmHWM every 50 ms until it exits. */
function collectWithPeak(root: string): Promise<Run> {
  const spec = testSpec({ appRoots: [root], python: venv.python, maxFiles: SOURCES + 1000, maxSeconds: 900 });
  return new Promise((resolve, reject) => {
    // The command ends in `exec python3 …`: the shell's pid becomes the collector's.
    const child = spawn("/bin/sh", ["-c", collectorCommand(spec)], { stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.end(collectorProgram());
    const peak = followPeakRss(child.pid!);
    // Sources leave as rows, one per item of a "records" line; only the app root's are counted.
    let sources = 0;
    let partial = "";
    let lastLine = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('{"type":"records","root":0,"field":"sources",'))
          sources += (JSON.parse(line) as { items: unknown[] }).items.length;
        if (line) lastLine = line;
      }
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      resolve({ exitCode, stderr, peak: peak.stop(), sources, lastLine: partial || lastLine });
    });
  });
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

test("the collector walks 1,000,000 sources in about the memory it needs for ten", { timeout: 1_200_000 }, async () => {
  const small = await collectWithPeak(tiny);
  expect(small.exitCode, small.stderr).toBe(0);
  expect(small.sources).toBe(10);
  const big = await collectWithPeak(million);
  expect(big.exitCode, big.stderr).toBe(0);
  expect(big.sources).toBe(SOURCES);
  const result = JSON.parse(big.lastLine) as { measurements: Measurements };
  expect(result).toMatchObject({ type: "result", inventory: { truncated: null } });
  // The cost it reports for the target: its own peak as its kernel counted it, which sampling can only undershoot.
  const target = result.measurements.target!;
  expect(target.peakBytes).toBeGreaterThanOrEqual(big.peak);
  expect(target.peakBytes).toBeLessThan(big.peak + GROWTH_LIMIT);
  expect(target.cpuMs).toBeGreaterThan(0);
  const growth = big.peak - small.peak;
  console.info(
    `collector-memory: peak RSS ${MB(big.peak)} for ${SOURCES} sources vs ${MB(small.peak)} for ten (+${MB(growth)})`,
  );
  expect(small.peak).toBeGreaterThan(0);
  expect(growth).toBeLessThan(GROWTH_LIMIT);
});
