import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { cachedManyFiles, writeManyFiles } from "../support/fixtures/many-files";
import { followPeakRss } from "../support/peak-rss";
import { tempDir } from "../support/temp-dir";

// A 1,000,000-file tree at the default file limit (300,000 files, lib/hosts/host-input.ts): the snapshot is ok,
// truncated at the limit with the truncated-scan finding, and the memory of the process that collects and
// stores it (the real CLI, the same lib code the dashboard runs) stays bounded: its peak resident set
// (VmHWM, read from /proc while it runs) grows by less than GROWTH_LIMIT over the same CLI collecting a
// ten-file tree. That limit is generous on purpose (measured in November 2026: +274 MB for the 300,000
// files kept): it catches a collection that grows with the tree rather than with the limit (three times as
// much for a million), not a few tens of megabytes. The tree (empty files, 1,000 to a folder) is built once
// per machine and kept (tests/support/fixtures/many-files.ts).

const BIN = path.resolve(import.meta.dirname, "../../bin/deploylens");
const GROWTH_LIMIT = 512 * 1024 * 1024;
const DEFAULT_MAX_FILES = 300_000;
const temp = tempDir("deploylens-faults-million-");
const databaseFile = path.join(temp.dir, "million.db");
afterAll(() => temp.remove());

beforeAll(async () => {
  const started = Date.now();
  const million = await cachedManyFiles(1_000_000);
  console.info(`faults-million-files: the 1,000,000-file tree took ${Date.now() - started} ms to find or build`);
  const tiny = path.join(temp.dir, "tiny");
  writeManyFiles(tiny, 10, 10);
  // lib/db/client reads DATABASE_URL when it is first imported.
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  const { createHost } = await import("@/lib/hosts/create-host");
  for (const [name, root] of [
    ["million", million],
    ["tiny", tiny],
  ] as const)
    // The default file limit, but a long timeout: on a loaded machine the default 120 s would cut the walk by
    // time (truncated too, but at fewer files) before the file limit this test is about.
    await createHost({ transport: "local", name, appRoots: [root], measureStartup: false, timeoutSeconds: 900 });
}, 1_200_000);

/** Runs the CLI and reads its VmHWM from /proc every 50 ms until it exits (VmHWM only grows). */
function cliWithPeak(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; peak: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const peak = followPeakRss(child.pid!);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    // "exit" comes before the pipes close; by then /proc no longer has the process, so sample on the way.
    child.on("close", (code) => {
      resolve({ code, stdout, stderr, peak: peak.stop() });
    });
  });
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

test(
  "a 1,000,000-file tree at the default limits is truncated at 300,000 files in bounded memory",
  { timeout: 1_200_000 },
  async () => {
    const baseline = await cliWithPeak(["collect", "tiny", "--json"]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const started = Date.now();
    const big = await cliWithPeak(["collect", "million", "--json"]);
    const ms = Date.now() - started;
    expect(big.code, big.stderr).toBe(0);
    const snapshot = JSON.parse(big.stdout) as {
      status: string;
      truncated: boolean;
      coverage: { sources: number };
      findings: { id: string }[];
    };
    expect(snapshot).toMatchObject({ status: "ok", truncated: true, coverage: { sources: DEFAULT_MAX_FILES } });
    expect(snapshot.findings.map((f) => f.id)).toContain("truncated-scan");
    const growth = big.peak - baseline.peak;
    console.info(
      `faults-million-files: collected in ${ms} ms; peak RSS ${MB(big.peak)} vs ${MB(baseline.peak)} for ten files (+${MB(growth)})`,
    );
    expect(baseline.peak).toBeGreaterThan(0);
    expect(growth).toBeLessThan(GROWTH_LIMIT);
  },
);
