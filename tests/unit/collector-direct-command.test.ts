import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { runCollector } from "@/lib/collector/run-collector";
import { defaultSpec } from "@/lib/collector/spec";
import type { Transport } from "@/lib/transport/types";
import { InventoryBuilder } from "../support/inventory-builder";

// The collector starts at once, without asking the interpreter its version first; only a run that failed
// before any output (or with the collector's own too-old error) is repeated with the version check, which
// names the interpreter or falls through to a newer one.

const spec = { ...defaultSpec, appRoots: ["/srv/app"], service: null, unitFile: null, python: null };
type Run = { stdout: string; exitCode: number | null; stderr?: string };

function scripted(runs: Run[]): Transport & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    exec: async (command) => {
      const run = runs[commands.length] ?? runs.at(-1)!;
      commands.push(command);
      return {
        stdout: Readable.from([Buffer.from(run.stdout)]),
        done: Promise.resolve({ exitCode: run.exitCode, signal: null, stderr: run.stderr ?? "" }),
      };
    },
    close: async () => {},
  };
}

const inventory = new InventoryBuilder().root("/srv/app").source("a.py").build();
const result = JSON.stringify({ type: "result", inventory, measurements: { collectorMs: 1, startup: null } }) + "\n";
const tooOld = (message: string) => JSON.stringify({ type: "error", code: "collector-python-too-old", message }) + "\n";
const versionCheck = /"\$p" -E -s -S -B -c '/;

test("a collection is one interpreter start: no version check before the collector", async () => {
  const transport = scripted([{ stdout: result, exitCode: 0 }]);
  expect((await runCollector(transport, spec)).ok).toBe(true);
  expect(transport.commands).toHaveLength(1);
  expect(transport.commands[0]).toMatch(/exec env -i LC_ALL=C [^;]* "\$p" -I -S -B - [A-Za-z0-9+/=]+;/);
  expect(transport.commands[0]).not.toMatch(versionCheck);
});

test.each([
  ["Python 2 refusing -I", { stdout: "", exitCode: 2, stderr: "Unknown option: -I\nusage: python [option] ...\n" }],
  ["Python 3.6 stopping at the program's syntax", { stdout: "", exitCode: 1, stderr: "SyntaxError: invalid syntax\n" }],
  ["Python 3.6 stopping at the collector's own check", { stdout: tooOld("found 3.6"), exitCode: 1 }],
])("%s: the collection is repeated with the version check, which names the interpreter", async (_, first) => {
  const named =
    "/usr/local/bin/python is Python 2.7.18; the DeployLens collector needs Python 3.7 or newer on the target";
  const transport = scripted([first, { stdout: tooOld(named), exitCode: 1 }]);
  expect(await runCollector(transport, spec)).toEqual({ ok: false, code: "collector-python-too-old", message: named });
  expect(transport.commands).toHaveLength(2);
  expect(transport.commands[1]).toMatch(versionCheck);
});

test("a version check that falls through to a newer interpreter collects", async () => {
  const transport = scripted([
    { stdout: "", exitCode: 2, stderr: "Unknown option: -I\n" },
    { stdout: result, exitCode: 0 },
  ]);
  expect((await runCollector(transport, spec)).ok).toBe(true);
  expect(transport.commands).toHaveLength(2);
});

test.each([
  [
    "another error event",
    { stdout: JSON.stringify({ type: "error", code: "no-python", message: "x" }), exitCode: 127 },
  ],
  [
    "a crash after output",
    { stdout: JSON.stringify({ type: "progress", phase: "walk", dirs: 1, files: 1 }) + "\n", exitCode: 1 },
  ],
  ["death by a signal", { stdout: "", exitCode: null }],
])("%s is not repeated", async (_, first) => {
  const transport = scripted([first, { stdout: result, exitCode: 0 }]);
  expect((await runCollector(transport, spec)).ok).toBe(false);
  expect(transport.commands).toHaveLength(1);
});
