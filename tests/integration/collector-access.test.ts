import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { cacheFromSource, runPython } from "../support/python";
import { collectOk, rootAt } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { editSource } from "../support/fixtures/edits";
import { isRoot, NOBODY } from "../support/fixtures/odd-entries";
import { grantUserAcl, nobodyCan, setImmutable } from "../support/fixtures/permissions";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeUnit, type ServiceSettings } from "../support/fixtures/unit-files";

// Writability beyond the mode bits (python-bytecode.md §7–§8): systemd sandboxing, ACLs, chattr, sticky dirs.
// Ground truth is the kernel itself (setpriv … test -w as nobody) where the test runs as root.

let s: ServiceScenario | undefined;
let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
  s?.remove();
});

async function collectWith(sc: ServiceScenario, name: string, settings: ServiceSettings) {
  // Unique, so no drop-in of this machine's /etc/systemd can apply to it.
  const unit = `deploylens-test-${path.basename(sc.dep.root)}-${name}`;
  const unitFile = writeUnit(sc.dep.units, unit, {
    User: "nobody",
    ExecStart: `${sc.venv.python} ${sc.server}`,
    ...settings,
  });
  return (await collectOk(sc.spec({ unitFile, service: unit }))).inventory;
}

const pkgAccess = (inventory: Awaited<ReturnType<typeof collectWith>>, sc: ServiceScenario) =>
  rootAt(inventory, sc.dep.app).dirs.find((d) => d.path === "webapp")!.bytecode!.access;

test("ProtectSystem=strict makes the tree read-only even for a writable directory; ReadWritePaths= reopens one", async () => {
  s = serviceScenario();
  fs.chmodSync(s.pkg, 0o777);
  const strict = await collectWith(s, "strict.service", { ProtectSystem: "strict" });
  expect(pkgAccess(strict, s)).toMatchObject({ writable: false, cause: "protect-system" });
  expect(pkgAccess(strict, s).reason).toContain("ProtectSystem=strict");
  const reopened = await collectWith(s, "reopened.service", { ProtectSystem: "strict", ReadWritePaths: `-${s.pkg}` });
  expect(pkgAccess(reopened, s)).toEqual({ writable: true, reason: null, cause: "ok" });
  const ro = await collectWith(s, "ro.service", { ReadOnlyPaths: s.dep.app });
  expect(pkgAccess(ro, s)).toMatchObject({ writable: false, cause: "read-only-paths" });
});

test("DynamicUser=yes: a transient uid under an implied ProtectSystem=strict; CacheDirectory= is the way out", async () => {
  s = serviceScenario();
  // A prefix under /var/cache that does not exist: the collector must judge it without creating it.
  const name = `deploylens-test-${path.basename(s.dep.root)}`;
  const prefix = `/var/cache/${name}/pyc`;
  const inventory = await collectWith(s, "dyn.service", {
    DynamicUser: "yes",
    Environment: `PYTHONPYCACHEPREFIX=${prefix}`,
  });
  expect(inventory.service.identity.uid).toBeGreaterThanOrEqual(61184);
  expect(inventory.service.identity.uid).toBeLessThanOrEqual(65519);
  expect(pkgAccess(inventory, s)).toMatchObject({ writable: false, cause: "dynamic-user" });
  expect(rootAt(inventory, s.dep.app).dirs.find((d) => d.path === "webapp")!.bytecode!.nearest.path).toBe("/var/cache");
  const cached = await collectWith(s, "dyn-cache.service", {
    DynamicUser: "yes",
    CacheDirectory: name,
    Environment: `PYTHONPYCACHEPREFIX=%C/${name}/pyc`,
  });
  expect(cached.interpreter?.pycachePrefix).toBe(prefix);
  expect(pkgAccess(cached, s)).toEqual({ writable: true, reason: null, cause: "ok" });
  expect(fs.existsSync(`/var/cache/${name}`)).toBe(false);
});

test("a POSIX ACL granting nobody rwx makes a root-owned 0755 directory writable", async () => {
  s = serviceScenario();
  grantUserAcl(s.pkg, NOBODY.uid);
  const inventory = await collectWith(s, "acl.service", {});
  const dir = rootAt(inventory, s.dep.app).dirs.find((d) => d.path === "webapp")!;
  expect(dir.perm.acl).toBe(true);
  expect(dir.bytecode?.access).toEqual({ writable: true, reason: null, cause: "ok" });
  if (isRoot) expect(nobodyCan("-w", s.pkg)).toBe(true);
});

test.runIf(isRoot)("chattr +i refuses new entries even to root", async () => {
  s = serviceScenario({ user: "root" });
  setImmutable(s.pkg, true);
  const sc = s;
  undo = () => setImmutable(sc.pkg, false);
  const inventory = await collectWith(s, "imm.service", { User: "root" });
  expect(inventory.service.identity.dacOverride).toBe(true);
  expect(pkgAccess(inventory, s)).toMatchObject({ writable: false, cause: "immutable" });
  expect(runPython(s.venv.python, ["-c", `open(${JSON.stringify(path.join(s.pkg, "x"))}, "w")`]).code).not.toBe(0);
});

test.runIf(isRoot)("a sticky __pycache__ owned by root: nobody cannot replace root's stale pycs", async () => {
  s = serviceScenario();
  const m0 = path.join(s.pkg, "m0.py");
  compileTree(s.venv.python, m0);
  editSource(m0);
  const cache = path.join(s.pkg, "__pycache__");
  fs.chmodSync(cache, 0o1777);
  const inventory = await collectWith(s, "sticky.service", {});
  expect(pkgAccess(inventory, s)).toMatchObject({ writable: false, cause: "sticky" });
  const pyc = cacheFromSource(s.venv.python, m0);
  const mtime = fs.statSync(pyc).mtimeMs;
  const attempt = runPython(
    "setpriv",
    [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, "--clear-groups", s.venv.python, "-c", "import webapp.m0"],
    { cwd: s.dep.app },
  );
  expect(attempt.code, attempt.stderr).toBe(0);
  expect(fs.statSync(pyc).mtimeMs, "ground truth: the stale pyc was not replaced").toBe(mtime);
});
