import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Inventory, Root } from "@/lib/snapshot/schema";
import { cacheFromSource, pycVerdictsUnder, runPythonOrThrow, sourceHash, type Verdict } from "../support/python";
import { collectOk, rootAt, sourceAt } from "../support/fixtures/collect";
import { compileTree, type InvalidationMode } from "../support/fixtures/compile-tree";
import { writeTree } from "../support/fixtures/deployment";
import { editKeepingMtime, editKeepingSizeAndMtime, editSource, patchPyc } from "../support/fixtures/edits";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";

// One deployment holds a module per case; each is built by a real compileall and then edited or
// damaged. Expected status/reason come from the construction; the verdict column is asked of the
// real SourceLoader.get_code (used the pyc, compiled the source, or failed the import).

type Case = {
  module: string;
  mode?: InvalidationMode;
  damage?: (source: string, pyc: string) => void;
  status: string;
  reason: string | null;
  pyc: string | null;
  verdict: Verdict | "not-asked";
};

const cases: Case[] = [
  { module: "fresh_ts", status: "fresh", reason: null, pyc: "timestamp", verdict: "used-pyc" },
  {
    module: "stale_mtime",
    damage: (src) => editSource(src),
    status: "stale",
    reason: "mtime",
    pyc: "timestamp",
    verdict: "compiled",
  },
  {
    module: "stale_size",
    damage: (src) => editKeepingMtime(src, "X = 'a longer body than before'\n"),
    status: "stale",
    reason: "size",
    pyc: "timestamp",
    verdict: "compiled",
  },
  // Same size, same whole-second mtime: the importer runs the OLD bytecode (python-bytecode.md §2), so it is "fresh".
  {
    module: "same_size_mtime",
    damage: (src) => editKeepingSizeAndMtime(src, (t) => t.replace("1", "2")),
    status: "fresh",
    reason: null,
    pyc: "timestamp",
    verdict: "used-pyc",
  },
  {
    module: "checked_fresh",
    mode: "checked-hash",
    status: "fresh",
    reason: null,
    pyc: "checked-hash",
    verdict: "used-pyc",
  },
  {
    module: "checked_edited",
    mode: "checked-hash",
    damage: (src) => editSource(src),
    status: "stale",
    reason: "hash",
    pyc: "checked-hash",
    verdict: "compiled",
  },
  {
    module: "unchecked_fresh",
    mode: "unchecked-hash",
    status: "fresh",
    reason: null,
    pyc: "unchecked-hash",
    verdict: "used-pyc",
  },
  // The dangerous case: the edited source is never read, the old code runs.
  {
    module: "unchecked_edited",
    mode: "unchecked-hash",
    damage: (src) => editSource(src),
    status: "stale",
    reason: "hash",
    pyc: "unchecked-hash",
    verdict: "used-pyc",
  },
  {
    module: "bad_magic",
    damage: (_, pyc) => patchPyc(pyc, { magic: Buffer.from([0x42, 0x0d, 0x0d, 0x0a]) }),
    status: "stale",
    reason: "magic",
    pyc: "timestamp",
    verdict: "compiled",
  },
  {
    module: "bad_flags",
    damage: (_, pyc) => patchPyc(pyc, { flags: 4 }),
    status: "stale",
    reason: "flags",
    pyc: null,
    verdict: "compiled",
  },
  {
    module: "header_only",
    damage: (_, pyc) => patchPyc(pyc, { truncateTo: 16 }),
    status: "stale",
    reason: "truncated",
    pyc: "timestamp",
    verdict: "import-error",
  },
  {
    module: "cut_body",
    damage: (_, pyc) => patchPyc(pyc, { truncateTo: 24 }),
    status: "stale",
    reason: "truncated",
    pyc: "timestamp",
    verdict: "import-error",
  },
  {
    module: "short_header",
    damage: (_, pyc) => patchPyc(pyc, { truncateTo: 10 }),
    status: "stale",
    reason: "truncated",
    pyc: null,
    verdict: "compiled",
  },
  // 0600 pyc of another owner: nobody cannot read it, which counts as missing (python-bytecode.md §3); its kind is not looked at.
  {
    module: "private_pyc",
    damage: (_, pyc) => fs.chmodSync(pyc, 0o600),
    status: "missing",
    reason: "unreadable-pyc",
    pyc: null,
    verdict: "not-asked",
  },
  { module: "never_compiled", status: "missing", reason: null, pyc: null, verdict: "compiled" },
];

let s: ServiceScenario;
let inventory: Inventory;
let app: Root;
let truth: Record<string, Verdict>;

beforeAll(async () => {
  s = serviceScenario();
  const dir = path.join(s.dep.app, "cases");
  writeTree(
    dir,
    Object.fromEntries(cases.map((c) => [`${c.module}.py`, `X = 1\n\ndef ${c.module}():\n    return X\n`])),
  );
  writeTree(dir, { "gone.py": "G = 1\n", "legacy_only.py": "L = 1\n", "legacy_shadowed.py": "S = 1\n" });
  for (const c of cases.filter((c) => c.module !== "never_compiled")) {
    const source = path.join(dir, `${c.module}.py`);
    compileTree(s.venv.python, source, { mode: c.mode });
    c.damage?.(source, cacheFromSource(s.venv.python, source));
  }
  compileTree(s.venv.python, path.join(dir, "gone.py"));
  fs.rmSync(path.join(dir, "gone.py"));
  compileTree(s.venv.python, [path.join(dir, "legacy_only.py"), path.join(dir, "legacy_shadowed.py")], {
    legacy: true,
  });
  fs.rmSync(path.join(dir, "legacy_only.py"));
  truth = pycVerdictsUnder(s.venv.python, dir);
  ({ inventory } = await collectOk(s.spec()));
  app = rootAt(inventory, s.dep.app);
});

afterAll(() => s?.remove());

test.each(cases)("$module: $status ($reason) as the real importer judges it", (c) => {
  const source = sourceAt(app, `cases/${c.module}.py`);
  expect({ status: source.status, reason: source.reason, pyc: source.pyc }).toEqual({
    status: c.status,
    reason: c.reason,
    pyc: c.pyc,
  });
  if (c.verdict !== "not-asked") expect(truth[`${c.module}.py`]).toBe(c.verdict);
});

test("an edited unchecked-hash source no longer hashes to the value in its pyc", () => {
  const source = path.join(s.dep.app, "cases", "unchecked_edited.py");
  const header = fs.readFileSync(cacheFromSource(s.venv.python, source)).subarray(8, 16).toString("hex");
  expect(sourceHash(s.venv.python, source)).not.toBe(header);
});

test("a pyc whose source was deleted is an orphan; legacy pycs are importable only without their source", () => {
  const extras = app.extraPycs.filter((p) => p.path.startsWith("cases/"));
  const tag = inventory.interpreter!.cacheTag!;
  expect(extras).toEqual(
    expect.arrayContaining([
      { path: `cases/__pycache__/gone.${tag}.pyc`, kind: "orphan", tag, importable: false },
      { path: "cases/legacy_only.pyc", kind: "legacy", tag: null, importable: true },
      { path: "cases/legacy_shadowed.pyc", kind: "legacy", tag: null, importable: false },
    ]),
  );
  const importable = (mod: string) =>
    runPythonOrThrow(
      s.venv.python,
      [
        "-B",
        "-c",
        `import importlib.util; s = importlib.util.find_spec("cases.${mod}"); print(type(s.loader).__name__ if s else None)`,
      ],
      { cwd: s.dep.app },
    ).trim();
  expect(importable("legacy_only")).toBe("SourcelessFileLoader");
  expect(importable("legacy_shadowed")).toBe("SourceFileLoader");
  expect(importable("gone")).toBe("None");
});
