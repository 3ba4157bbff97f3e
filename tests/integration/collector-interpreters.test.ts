import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { effectiveFlags, otherPythons, pycVerdictsUnder, pythonInfo } from "../support/python";
import { collectOk, rootAt, sourceAt } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { editSource } from "../support/fixtures/edits";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeUnit } from "../support/fixtures/unit-files";

// Which interpreter, which cache tag, which -O level, which hash checking: the pycs that exist only
// count when they are the ones this interpreter, run this way, would read.

let s: ServiceScenario | undefined;
afterEach(() => s?.remove());

function unit(sc: ServiceScenario, name: string, execStart: string, extra: Record<string, string> = {}): string {
  return writeUnit(sc.dep.units, name, {
    User: "nobody",
    ExecStart: execStart,
    WorkingDirectory: sc.dep.app,
    ...extra,
  });
}

test("a service running -O finds none of the level-0 pycs pip-style compiling wrote", async () => {
  s = serviceScenario();
  compileTree(s.venv.python, s.pkg);
  const unitFile = unit(s, "opt.service", `${s.venv.python} -O ${s.server}`);
  const { inventory } = await collectOk(s.spec({ unitFile, service: "opt.service" }));
  expect(inventory.interpreter?.optimize).toBe(effectiveFlags(s.venv.python, ["-O"], {}).optimize);
  const app = rootAt(inventory, s.dep.app);
  const truth = pycVerdictsUnder(s.venv.python, s.pkg, ["-O"]);
  for (const [rel, verdict] of Object.entries(truth))
    expect([rel, sourceAt(app, `webapp/${rel}`).status]).toEqual([rel, verdict === "used-pyc" ? "fresh" : "missing"]);
  const others = app.extraPycs.filter((p) => p.kind === "other-opt");
  expect(others.length).toBe(Object.keys(truth).length);
  expect(others.every((p) => p.tag === "opt-0" && !p.path.includes(".opt-"))).toBe(true);

  compileTree(s.venv.python, s.pkg, { optimize: 1 });
  const after = rootAt((await collectOk(s.spec({ unitFile, service: "opt.service" }))).inventory, s.dep.app);
  expect(after.sources.filter((src) => src.path.startsWith("webapp/")).every((src) => src.status === "fresh")).toBe(
    true,
  );
});

test("pycs compiled by another interpreter are foreign-tag extras and the sources stay missing", async () => {
  s = serviceScenario();
  const sc = s;
  const own = pythonInfo(sc.venv.python);
  const other = otherPythons(sc.dep.python)[0];
  if (other) {
    compileTree(other.path, sc.pkg);
  } else {
    // No second interpreter on this machine: give our own pycs another version's name. The importer
    // only ever opens the file named with its own cache tag (python-bytecode.md §1), so the name alone decides.
    compileTree(sc.venv.python, sc.pkg);
    for (const dir of [path.join(sc.pkg, "__pycache__"), path.join(sc.pkg, "views", "__pycache__")]) {
      for (const name of fs.readdirSync(dir))
        fs.renameSync(path.join(dir, name), path.join(dir, name.replace(own.cacheTag, "cpython-36")));
    }
  }
  const foreignTag = other?.cacheTag ?? "cpython-36";
  const { inventory } = await collectOk(s.spec());
  const app = rootAt(inventory, sc.dep.app);
  const truth = pycVerdictsUnder(sc.venv.python, sc.pkg);
  expect(Object.values(truth).every((v) => v === "compiled")).toBe(true);
  expect(app.sources.filter((src) => src.path.startsWith("webapp/")).map((src) => src.status)).toEqual(
    Object.values(truth).map(() => "missing"),
  );
  const foreign = app.extraPycs.filter((p) => p.kind === "foreign-tag");
  expect(foreign.length).toBe(Object.keys(truth).length);
  expect(new Set(foreign.map((p) => p.tag))).toEqual(new Set([foreignTag]));
  console.info(
    other
      ? `foreign pycs compiled by ${other.path} (${other.cacheTag})`
      : "no second interpreter: pycs renamed to cpython-36",
  );
});

test.each([
  { check: "always", mode: "unchecked-hash" as const, verdict: "compiled" },
  { check: "never", mode: "checked-hash" as const, verdict: "used-pyc" },
])(
  "--check-hash-based-pycs $check: an edited $mode source is stale by hash; the importer $verdict",
  async ({ check, mode, verdict }) => {
    s = serviceScenario();
    const m1 = path.join(s.pkg, "m1.py");
    compileTree(s.venv.python, m1, { mode });
    editSource(m1);
    const unitFile = unit(s, "hash.service", `${s.venv.python} --check-hash-based-pycs ${check} ${s.server}`);
    const { inventory } = await collectOk(s.spec({ unitFile, service: "hash.service" }));
    expect(inventory.interpreter?.checkHashPycs).toBe(check);
    expect(sourceAt(rootAt(inventory, s.dep.app), "webapp/m1.py")).toMatchObject({
      status: "stale",
      reason: "hash",
      pyc: mode,
    });
    expect(pycVerdictsUnder(s.venv.python, s.pkg, ["--check-hash-based-pycs", check])["m1.py"]).toBe(verdict);
  },
);

test("a console-script ExecStart is followed to its shebang, flags included", async () => {
  s = serviceScenario();
  const script = s.venv.bin("gunicorn");
  fs.writeFileSync(script, `#!${s.venv.python} -I\nimport sys\nfrom tinyweb.cli import main\nsys.exit(main())\n`, {
    mode: 0o755,
  });
  const unitFile = unit(s, "gunicorn.service", `${script} webapp:app`, { Environment: "PYTHONDONTWRITEBYTECODE=1" });
  const { inventory } = await collectOk(s.spec({ unitFile, service: "gunicorn.service" }));
  const truth = effectiveFlags(s.venv.python, ["-I"], { PYTHONDONTWRITEBYTECODE: "1" });
  expect(inventory.interpreter).toMatchObject({
    path: s.venv.python,
    origin: "shebang",
    ignoresEnvironment: true,
    dontWriteBytecode: truth.dontWriteBytecode,
  });
  expect(inventory.interpreter?.explain.ignoresEnvironment).toContain(`shebang of ${script}`);
  expect(inventory.roots.map((r) => [r.path, r.kind])).toContainEqual([s.venv.sitePackages, "site-packages"]);
  expect(inventory.packages).toContainEqual({ name: "tinyweb", version: "1.2.3" });
});

test("#!/usr/bin/env python3 resolves python3 on the service's PATH", async () => {
  s = serviceScenario();
  const script = s.venv.bin("webapp-serve");
  fs.writeFileSync(script, "#!/usr/bin/env python3\nprint('hi')\n", { mode: 0o755 });
  const unitFile = unit(s, "envpy.service", script, {
    Environment: `PATH=${path.dirname(s.venv.python)}:/usr/bin:/bin`,
  });
  const { inventory } = await collectOk(s.spec({ unitFile, service: "envpy.service" }));
  expect(inventory.interpreter).toMatchObject({ path: s.venv.python, origin: "shebang" });
  expect(inventory.interpreter?.sitePackages).toEqual([s.venv.sitePackages]);
});
