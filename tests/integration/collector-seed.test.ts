import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { cacheFromSource, effectiveFlags, pycVerdictsUnder } from "../support/python";
import { collectOk, rootAt, sourceAt } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { chownTree, isRoot, NOBODY } from "../support/fixtures/odd-entries";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeDropIn } from "../support/fixtures/unit-files";

// shared/seed: the service user cannot write __pycache__ under a root-owned app tree; the fix is a
// PYTHONPYCACHEPREFIX drop-in. As non-root the tree belongs to the test user, which is "other" for
// nobody just as root is, so the collector's answers are the same; only the setpriv checks need root.

let scenario: ServiceScenario | undefined;
afterEach(() => scenario?.remove());

/** Imports a module as nobody with the service's interpreter; true when the importer wrote its pyc. */
function importAsNobodyWrites(s: ServiceScenario, module: string, env: Record<string, string>, pyc: string): boolean {
  const result = spawnSync(
    "setpriv",
    [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, "--clear-groups", s.venv.python, "-c", `import ${module}`],
    {
      cwd: s.dep.app,
      // A minimal environment, as a service gets (NODE_ENV only because Next types it as always present).
      env: { NODE_ENV: process.env.NODE_ENV, PATH: "/usr/bin:/bin", ...env },
      encoding: "utf8",
    },
  );
  expect(result.status, result.stderr).toBe(0);
  return fs.existsSync(pyc);
}

test("a root-owned __pycache__ with few pycs: the rest are missing and nobody cannot write them", async () => {
  scenario = serviceScenario();
  const s = scenario;
  compileTree(s.venv.python, [path.join(s.pkg, "__init__.py"), path.join(s.pkg, "m0.py")]);
  const { inventory } = await collectOk(s.spec());
  const app = rootAt(inventory, s.dep.app);

  const truth = pycVerdictsUnder(s.venv.python, s.dep.app);
  delete truth["server.py"]; // the main script is never cached (python-bytecode.md §1)
  const expected = Object.fromEntries(
    Object.entries(truth).map(([rel, v]) => [rel, v === "used-pyc" ? "fresh" : "missing"]),
  );
  expect(Object.fromEntries(app.sources.map((src) => [src.path, src.status]))).toEqual(expected);
  expect(inventory.interpreter?.explain.mainScript).toContain("server.py");

  const pkgDir = app.dirs.find((d) => d.path === "webapp")!;
  expect(pkgDir.bytecode?.path).toBe(path.dirname(cacheFromSource(s.venv.python, path.join(s.pkg, "m1.py"))));
  expect(pkgDir.bytecode?.exists).toBe(true);
  expect(pkgDir.bytecode?.access).toMatchObject({ writable: false, cause: "no-write" });
  expect(pkgDir.bytecode?.access.reason).toMatch(/user nobody \(uid 65534\) is in class other, which has no w/);
  const views = app.dirs.find((d) => d.path === "webapp/views")!;
  expect(views.bytecode).toMatchObject({
    exists: false,
    nearest: { path: path.join(s.pkg, "views") },
    access: { writable: false, cause: "no-write" },
  });
  expect(inventory.service.identity).toMatchObject({ user: "nobody", uid: NOBODY.uid, dacOverride: false });
  // The collector says whether systemd is PID 1 here, so fixes are written for how the process really starts.
  expect(inventory.service.systemdRunning).toBe(fs.existsSync("/run/systemd/system"));

  if (isRoot) {
    const pyc = cacheFromSource(s.venv.python, path.join(s.pkg, "m1.py"));
    expect(importAsNobodyWrites(s, "webapp.m1", {}, pyc), "ground truth: the importer could not write").toBe(false);
  }
});

test("a drop-in adding PYTHONPYCACHEPREFIX moves every lookup to the prefix mirror and ignores __pycache__", async () => {
  scenario = serviceScenario();
  const s = scenario;
  compileTree(s.venv.python, s.pkg);
  const prefix = s.dep.path("cache", "pyc");
  fs.mkdirSync(path.dirname(prefix), { mode: 0o755 });
  if (isRoot) chownTree(path.dirname(prefix), NOBODY.uid, NOBODY.gid);
  const before = await collectOk(s.spec());
  expect(rootAt(before.inventory, s.venv.sitePackages).sources.every((src) => src.status === "fresh")).toBe(true);

  writeDropIn(s.unitFile, "50-pycache.conf", { Environment: `"PYTHONPYCACHEPREFIX=${prefix}"` });
  const { inventory } = await collectOk(s.spec());
  const truthFlags = effectiveFlags(s.venv.python, [], { PYTHONPYCACHEPREFIX: prefix });
  expect(inventory.interpreter?.pycachePrefix).toBe(truthFlags.pycachePrefix);
  expect(inventory.service.configFiles.map((f) => f.kind)).toEqual(["fragment", "drop-in"]);

  for (const root of [rootAt(inventory, s.dep.app), rootAt(inventory, s.venv.sitePackages)]) {
    const truth = pycVerdictsUnder(s.venv.python, root.path, [`-X`, `pycache_prefix=${prefix}`]);
    for (const src of root.sources)
      expect([src.path, src.status]).toEqual([src.path, truth[src.path] === "used-pyc" ? "fresh" : "missing"]);
    expect(root.sources.some((src) => src.status === "fresh")).toBe(false);
  }
  const m1 = path.join(s.pkg, "m1.py");
  const pkgDir = rootAt(inventory, s.dep.app).dirs.find((d) => d.path === "webapp")!;
  expect(pkgDir.bytecode?.path).toBe(
    path.dirname(cacheFromSource(s.venv.python, m1, ["-X", `pycache_prefix=${prefix}`])),
  );
  expect(pkgDir.bytecode?.path.includes("__pycache__")).toBe(false);
  expect(pkgDir.bytecode?.nearest.path).toBe(path.dirname(prefix));
  if (isRoot) {
    expect(pkgDir.bytecode?.access).toEqual({ writable: true, reason: null, cause: "ok" });
    const pyc = cacheFromSource(s.venv.python, m1, ["-X", `pycache_prefix=${prefix}`]);
    expect(
      importAsNobodyWrites(s, "webapp.m1", { PYTHONPYCACHEPREFIX: prefix }, pyc),
      "ground truth: nobody writes into the prefix",
    ).toBe(true);
  }
});
