import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { runCli, runCliInTerminal } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-cli-progress-");
const databaseFile = path.join(temp.dir, "progress.db");
let half: HalfCompiledApp;

beforeAll(async () => {
  half = halfCompiledApp("deploylens-progress-");
  expect((await runCli(["hosts", "add", "web", ...half.hostArgs], { databaseFile })).code).toBe(0);
}, 180_000);
afterAll(() => {
  half?.remove();
  temp.remove();
});

/** A redrawn progress line: erase, then the bar, the host's phase, files, directories and elapsed time. */
const PROGRESS = /\r\x1b\[K[█░]{16} web: [a-z-]+: [\d,]+ files in [\d,]+ directories · \d+\.\d s/;

test("on a terminal, collect redraws one line with phase, files and elapsed time, and clears it", async () => {
  const shown = await runCliInTerminal(["collect", "web"], { databaseFile });
  expect(shown.code, shown.output).toBe(0);
  expect(shown.output).toMatch(/^\r\x1b\[K[░]{16} connecting… · 0\.\d s/);
  expect(shown.output).toMatch(PROGRESS);
  // The line is erased before the summary, which starts at the left margin.
  expect(shown.output).toMatch(/\r\x1b\[KSnapshot \w+ of web at \S+: ok\r\n/);
});

test("to a pipe, collect shows no progress at all", async () => {
  const piped = await runCli(["collect", "web"], { databaseFile });
  expect([piped.code, piped.stderr]).toEqual([0, ""]);
  expect(piped.stdout).toMatch(/^Snapshot \w+ of web at \S+: ok\n/);
  // What the collection cost the target, as its kernel counted it.
  expect(piped.stdout).toMatch(
    /\n {2}collection on the target: \d+\.\d s of CPU in \d+\.\d s, \d+ MB of memory at most \(its largest process\)\n/,
  );
});
