import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { ENV_ALLOWLIST } from "@/lib/collector/spec";
import { effectiveFlags, pycVerdictsUnder, realPython, runPythonOrThrow } from "../support/python";
import { collectOk, rootAt, sourceAt } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { createDeployment, writeTree, appFiles, type Deployment } from "../support/fixtures/deployment";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeUnit } from "../support/fixtures/unit-files";
import { createVenv } from "../support/fixtures/venv";

// The collector must run on Python 3.7 targets, and judge 3.7 services (no pycache prefix before
// 3.8). Where no 3.7 exists (a fresh CI machine), the grammar check still runs: the program must
// parse with ast's 3.7 feature version, and the test says which of the two it did.

const PY37 = ["/root/.pyenv/versions/3.7.16/bin/python3", "/usr/bin/python3.7"].find((p) => fs.existsSync(p));
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

test("the collector program uses only Python 3.7 syntax", () => {
  const check = "import ast,sys; ast.parse(sys.stdin.read(), feature_version=(3, 7)); print('ok')";
  expect(runPythonOrThrow(realPython(), ["-I", "-B", "-c", check], { input: collectorProgram() }).trim()).toBe("ok");
  console.info(
    PY37
      ? `Python 3.7 found at ${PY37}: the run tests below use it`
      : "no Python 3.7 on this machine: only the grammar check ran",
  );
});

test.runIf(PY37)("run BY Python 3.7, the collector reports exactly what a newer collector reports", async () => {
  const s: ServiceScenario = serviceScenario();
  cleanup = s.remove;
  compileTree(s.venv.python, s.pkg, { mode: "checked-hash" });
  const modern = await collectOk(s.spec());
  const old = await collectOk(s.spec(), { python: PY37! });
  expect(old.inventory).toEqual(modern.inventory);
});

test.runIf(PY37)("a Python 3.7 service ignores PYTHONPYCACHEPREFIX and uses its cpython-37 pycs", async () => {
  const dep: Deployment = createDeployment();
  cleanup = dep.remove;
  writeTree(dep.app, appFiles("legacyapp", 2));
  const venv = createVenv(PY37!, dep.path("venv37"));
  compileTree(venv.python, dep.app);
  const prefix = dep.path("cache");
  const unitFile = writeUnit(dep.units, "old.service", {
    User: "nobody",
    ExecStart: `${venv.python} -m legacyapp`,
    WorkingDirectory: dep.app,
    Environment: `PYTHONPYCACHEPREFIX=${prefix}`,
  });
  const { inventory } = await collectOk({ ...s37Spec(dep, unitFile) });
  expect(inventory.interpreter).toMatchObject({
    version: "3.7.16",
    cacheTag: "cpython-37",
    pycachePrefix: effectiveFlags(venv.python, [], { PYTHONPYCACHEPREFIX: prefix }).pycachePrefix,
  });
  expect(inventory.interpreter?.explain.pycachePrefix).toMatch(/no pycache prefix \(3\.8\+\)/);
  const truth = pycVerdictsUnder(venv.python, dep.app);
  const app = rootAt(inventory, dep.app);
  for (const [rel, verdict] of Object.entries(truth))
    expect([rel, sourceAt(app, rel).status]).toEqual([rel, verdict === "used-pyc" ? "fresh" : "missing"]);
  expect(Object.values(truth)).toContain("used-pyc");
  expect(path.basename(app.dirs.find((d) => d.path === "legacyapp")!.bytecode!.path)).toBe("__pycache__");
});

function s37Spec(dep: Deployment, unitFile: string) {
  return {
    appRoots: [dep.app],
    service: "old.service",
    unitFile,
    python: null,
    measureStartup: true,
    startupCapSeconds: 2,
    maxFiles: 10_000,
    maxSeconds: 60,
    envAllowlist: ENV_ALLOWLIST,
  };
}
