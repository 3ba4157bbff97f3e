import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { realPython, runPythonOrThrow } from "../support/python";
import { tempDir } from "../support/temp-dir";

// lib/collector/python/*.py are joined in name order into one program (collector-program.ts): one
// namespace. A name defined twice silently replaces the first definition, and a name used before the
// file that defines it only works while nothing calls it early. Python's own symtable says which names
// each file defines at module level and which global names its code (functions included) refers to.

const DIR = path.resolve(import.meta.dirname, "../../lib/collector/python");

const CHECK = String.raw`
import json, symtable, sys

def scopes(table):
    yield table
    for child in table.get_children():
        yield from scopes(child)

files, defined, out = sys.argv[1:], {}, {"duplicates": [], "laterUses": [], "defined": 0}
tables = []
for path in files:
    with open(path, encoding="utf-8") as f:
        table = symtable.symtable(f.read(), path, "exec")
    tables.append(table)
    for sym in table.get_symbols():
        if sym.is_assigned() or sym.is_imported() or sym.is_namespace():
            name = sym.get_name()
            if name in defined:
                out["duplicates"].append("%s: %s and %s" % (name, files[defined[name]], path))
            defined[name] = len(tables) - 1
            out["defined"] += 1
for i, table in enumerate(tables):
    for scope in scopes(table):
        top = scope.get_type() == "module"
        for sym in scope.get_symbols():
            if not sym.is_referenced() or not (top or sym.is_global()):
                continue
            where = defined.get(sym.get_name())
            if where is not None and where > i:
                out["laterUses"].append("%s (%s) uses %s from %s" % (files[i], scope.get_name(), sym.get_name(), files[where]))
print(json.dumps(out))
`;

type Report = { duplicates: string[]; laterUses: string[]; defined: number };
const check = (files: string[]) =>
  JSON.parse(runPythonOrThrow(realPython(), ["-I", "-S", "-B", "-c", CHECK, ...files])) as Report;
let report: Report;
let planted: Report;

beforeAll(() => {
  const files = fs
    .readdirSync(DIR)
    .filter((name) => /^\d\d_[a-z_]+\.py$/.test(name))
    .sort()
    .map((name) => path.join(DIR, name));
  report = check(files);
  const temp = tempDir("deploylens-names-");
  try {
    const early = path.join(temp.dir, "10_a.py");
    const late = path.join(temp.dir, "20_b.py");
    fs.writeFileSync(early, "LIMIT = 1\n\ndef a(config):\n    return b(config)\n");
    fs.writeFileSync(late, "LIMIT = 2\n\ndef b(config):\n    return config\n");
    planted = check([early, late]);
  } finally {
    temp.remove();
  }
}, 60_000); // two real interpreters: seconds on a loaded machine

test("the check itself catches a redefinition and a call into a later file (and not a parameter)", () => {
  expect(planted.duplicates).toHaveLength(1);
  expect(planted.duplicates[0]).toMatch(/^LIMIT: /);
  expect(planted.laterUses).toHaveLength(1);
  expect(planted.laterUses[0]).toMatch(/10_a\.py \(a\) uses b from .*20_b\.py$/);
});

test("the collector's files define each top-level name once", () => {
  expect(report.defined).toBeGreaterThan(100);
  expect(report.duplicates).toEqual([]);
});

test("no collector file uses a name that only a later file defines", () => {
  expect(report.laterUses).toEqual([]);
});
