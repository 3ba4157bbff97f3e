import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { CollectorSpec } from "@/lib/collector/spec";
import { collectRaw, testSpec } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { writeTree } from "../support/fixtures/deployment";
import { editSource } from "../support/fixtures/edits";
import { createVenv, type Venv } from "../support/fixtures/venv";
import { realPython } from "../support/python";
import { tempDir } from "../support/temp-dir";

// A large root's walk is shared between processes (lib/collector/python/56_walk_parallel.py). Whatever the
// number of workers, the collector must write exactly what the one-process walk writes: the same records
// lines in the same order (the stored blob, and deduplication, depend on it), the same result.

const temp = tempDir("deploylens-parallel-walk-");
const tree = path.join(temp.dir, "app");
let venv: Venv;
afterAll(() => temp.remove());

/** 4 packages × 5 sub-packages × 3 leaves (more subtrees than 2 workers need to share), 12 modules in each (more sources than one records line holds). */
function packages(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let a = 0; a < 4; a++)
    for (let b = 0; b < 5; b++)
      for (let c = 0; c < 3; c++)
        for (const dir of [`p${a}`, `p${a}/s${b}`, `p${a}/s${b}/l${c}`]) {
          files[`${dir}/__init__.py`] = "";
          for (let m = 0; m < 12; m++) files[`${dir}/m${m}.py`] = `X = "${dir}/${m}"\n`;
        }
  return files;
}

beforeAll(() => {
  venv = createVenv(realPython(), path.join(temp.dir, "venv"));
  writeTree(tree, packages());
  // What only the whole walk can judge: a hash pyc edited since (settled after the walk), a virtual
  // environment inside the root (a root of its own), a directory reached twice through a symlink, .git.
  writeTree(tree, { "p1/s2/hashed/__init__.py": "", "p1/s2/hashed/edited.py": "X = 1\n", ".git/x.py": "" });
  compileTree(venv.python, tree);
  compileTree(venv.python, path.join(tree, "p1/s2/hashed"), { mode: "checked-hash" });
  editSource(path.join(tree, "p1/s2/hashed/edited.py"));
  editSource(path.join(tree, "p2/s1/l0/m1.py"));
  fs.unlinkSync(path.join(tree, "p3/s4/__pycache__", fs.readdirSync(path.join(tree, "p3/s4/__pycache__"))[0]!));
  createVenv(realPython(), path.join(tree, "p0/s3/.venv"));
  fs.symlinkSync(path.join(tree, "p2"), path.join(tree, "p2/s0/l1/back"));
});

/** Every line the collector wrote but progress, and the result without the collector's own time and cost. */
async function output(spec: CollectorSpec): Promise<string[]> {
  const { stdout, exitCode, stderr } = await collectRaw(spec);
  expect(exitCode, stderr).toBe(0);
  const lines = stdout.toString("utf8").trimEnd().split("\n");
  return lines
    .filter((line) => !line.startsWith('{"type":"progress"'))
    .map((line) =>
      line.replace(/"collectorMs":[0-9.]+/, '"collectorMs":0').replace(/"target":\{[^}]*\}/, '"target":null'),
    );
}

test.each([
  ["the whole tree", 5_000_000],
  ["a walk cut by max-files in the middle of the shared subtrees", 150],
])("two and three workers write exactly what one process writes: %s", async (_name, maxFiles) => {
  const spec = testSpec({ appRoots: [tree], python: venv.python, maxFiles });
  const one = await output({ ...spec, walkWorkers: 1 });
  expect(one.some((line) => line.includes('"field":"sources"'))).toBe(true);
  expect(await output({ ...spec, walkWorkers: 2 })).toEqual(one);
  expect(await output({ ...spec, walkWorkers: 3 })).toEqual(one);
  if (maxFiles < 1000) expect(one.at(-1)).toContain('"reason":"max-files"');
  else expect(one.some((line) => /\["p1\/s2\/hashed\/edited\.py",[^\]]*"stale","hash"/.test(line))).toBe(true);
});
