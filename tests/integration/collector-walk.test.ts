import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { pycVerdictsUnder } from "../support/python";
import { collectOk, rootAt, sourceAt } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { writeTree } from "../support/fixtures/deployment";
import { isRoot, NOBODY, nonUtf8Source, privateDir, symlinkLoop } from "../support/fixtures/odd-entries";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { createVenv } from "../support/fixtures/venv";

// The walk itself: odd directory entries are reported, never fatal, never followed into loops.

let s: ServiceScenario | undefined;
afterEach(() => s?.remove());

test("a directory only its owner can read is unreadable for the service user nobody", async () => {
  s = serviceScenario();
  const secret = privateDir(path.join(s.pkg, "secret"), { "__init__.py": "", "keys.py": "K = 1\n" });
  const { inventory } = await collectOk(s.spec());
  const app = rootAt(inventory, s.dep.app);
  expect(app.dirs.find((d) => d.path === "webapp/secret")).toMatchObject({ readable: false, perm: { mode: 0o700 } });
  expect(sourceAt(app, "webapp/secret/keys.py").status).toBe("unreadable");
  expect(app.dirs.find((d) => d.path === "webapp/secret")?.bytecode?.access).toMatchObject({
    writable: false,
    cause: "no-search",
  });
  if (isRoot) {
    const asNobody = spawnSync("setpriv", [
      `--reuid=${NOBODY.uid}`,
      `--regid=${NOBODY.gid}`,
      "--clear-groups",
      "ls",
      secret,
    ]);
    expect(asNobody.status, "ground truth: nobody cannot list it").not.toBe(0);
  }
});

test("a symlink loop is reported, not followed", async () => {
  s = serviceScenario();
  symlinkLoop(s.pkg, "again");
  const { inventory } = await collectOk(s.spec());
  const app = rootAt(inventory, s.dep.app);
  expect(app.skipped).toContainEqual({ path: "webapp/again", reason: "loop", detail: "-> ." });
  expect(app.sources.filter((src) => src.path.includes("again"))).toEqual([]);
});

test("a symlink to another directory is reported as a symlink and not walked", async () => {
  s = serviceScenario();
  fs.symlinkSync(s.venv.sitePackages, path.join(s.dep.app, "vendor"));
  const app = rootAt((await collectOk(s.spec())).inventory, s.dep.app);
  expect(app.skipped).toContainEqual({ path: "vendor", reason: "symlink", detail: `-> ${s.venv.sitePackages}` });
});

test("a non-UTF-8 file name is kept byte-exact (surrogate escape) and judged like any other", async () => {
  s = serviceScenario();
  const name = nonUtf8Source(s.pkg);
  compileTree(s.venv.python, s.pkg);
  const { inventory } = await collectOk(s.spec());
  const truth = pycVerdictsUnder(s.venv.python, s.pkg);
  expect(truth[name]).toBe("used-pyc");
  expect(sourceAt(rootAt(inventory, s.dep.app), `webapp/${name}`).status).toBe("fresh");
});

test("the walk stops at maxFiles and says so, with a valid result", async () => {
  s = serviceScenario({ modules: 20 });
  const { inventory } = await collectOk(s.spec({ maxFiles: 10 }));
  expect(inventory.truncated).toEqual({ reason: "max-files", limit: 10 });
  const app = rootAt(inventory, s.dep.app);
  expect(app.sources.length).toBeLessThanOrEqual(10);
  expect(app.skipped.some((k) => k.reason === "limit")).toBe(true);
  expect(rootAt(inventory, s.venv.sitePackages).skipped).toContainEqual({
    path: "",
    reason: "limit",
    detail: "max-files",
  });
});

test("a venv inside the app root is its own site-packages root, excluded from the app's counts", async () => {
  s = serviceScenario();
  const inner = createVenv(s.dep.python, path.join(s.dep.app, ".venv"), {
    pkg: { name: "inner", version: "0.1", files: { "inner/__init__.py": "" } },
  });
  writeTree(s.dep.app, { "instance/tmp/notes.py": "N = 1\n" });
  const prefix = path.join(s.dep.app, "instance", "tmp");
  const unitFile = fs
    .readFileSync(s.unitFile, "utf8")
    .replace("[Service]\n", `[Service]\nEnvironment=PYTHONPYCACHEPREFIX=${prefix}\n`);
  fs.writeFileSync(s.unitFile, unitFile);
  const { inventory } = await collectOk(s.spec());
  const app = rootAt(inventory, s.dep.app);
  expect(app.excluded).toEqual([inner.dir, prefix].sort());
  expect(app.sources.some((src) => src.path.startsWith(".venv/") || src.path.startsWith("instance/"))).toBe(false);
  const innerRoot = rootAt(inventory, inner.sitePackages);
  expect(innerRoot.kind).toBe("site-packages");
  expect(innerRoot.sources.map((src) => src.path)).toEqual(["inner/__init__.py"]);
});
