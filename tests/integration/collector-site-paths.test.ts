import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { otherPythons, realPython, runPythonOrThrow } from "../support/python";
import { collectOk, testSpec } from "../support/fixtures/collect";
import { createDeployment, writeTree, type Deployment } from "../support/fixtures/deployment";
import { writeUnit } from "../support/fixtures/unit-files";

// The collector probes the service's interpreter with -I -S -B, so `site` never runs there, and
// rebuilds what site would add from pyvenv.cfg, the prefix layout and .pth path lines. The truth is
// the real interpreter WITH site (the test may run it; the collector may not): sys.path without its
// first entry (the -c directory) and the site directories site added.

type Truth = { sysPath: string[]; siteDirs: string[] };

const TRUTH = [
  "import json, os, site, sys",
  "user = site.getusersitepackages() if site.ENABLE_USER_SITE else None",
  "dirs = [p for p in site.getsitepackages() + ([user] if user else []) if os.path.isdir(p)]",
  "print(json.dumps({'sysPath': sys.path[1:], 'siteDirs': sorted(set(os.path.abspath(p) for p in dirs))}))",
].join("\n");

/** -E: what the service would see without PYTHONPATH (and the environment's other PYTHON* settings). */
function siteTruth(python: string, env: Record<string, string> = {}): Truth {
  return JSON.parse(
    runPythonOrThrow(python, ["-E", "-c", TRUTH], { env: { HOME: os.userInfo().homedir, ...env } }),
  ) as Truth;
}

/** .pth files with path lines (relative, absolute, missing, duplicate) and a harmless code line. */
function addPthFiles(sitePackages: string, dep: Deployment): void {
  fs.mkdirSync(dep.path("extra-abs"));
  fs.mkdirSync(path.join(sitePackages, "extra-rel"));
  writeTree(sitePackages, {
    "b-paths.pth": `# a comment\nextra-rel\n${dep.path("extra-abs")}\n${dep.path("missing")}\n\nimport sys\n`,
    "a-first.pth": `${dep.path("extra-abs")}\r\n`,
  });
}

let dep: Deployment | undefined;
afterEach(() => dep?.remove());

async function collectFor(python: string, d: Deployment) {
  const { inventory } = await collectOk(testSpec({ appRoots: [d.app], python, maxFiles: 1000 }));
  return inventory.interpreter!;
}

test.each([
  { name: "a venv", venvArgs: [] as string[] },
  { name: "a venv with system site packages", venvArgs: ["--system-site-packages"] },
])("$name: sitePackages and sysPath are what site would add", async ({ venvArgs }) => {
  dep = createDeployment();
  const venv = dep.path("venv");
  runPythonOrThrow(realPython(), ["-m", "venv", "--without-pip", ...venvArgs, venv]);
  const python = path.join(venv, "bin", "python3");
  const sitePackages = runPythonOrThrow(python, [
    "-I",
    "-c",
    "import sysconfig; print(sysconfig.get_path('purelib'))",
  ]).trim();
  addPthFiles(sitePackages, dep);
  const truth = siteTruth(python);
  expect(truth.sysPath).toContain(dep.path("extra-abs"));
  const interpreter = await collectFor(python, dep);
  expect(interpreter.sysPath).toEqual(truth.sysPath);
  expect([...interpreter.sitePackages].sort()).toEqual(truth.siteDirs);
});

test("the system /usr/bin/python3 (Debian's dist-packages layout): the same as site", async () => {
  dep = createDeployment();
  const truth = siteTruth("/usr/bin/python3");
  const interpreter = await collectFor("/usr/bin/python3", dep);
  expect(interpreter.sysPath).toEqual(truth.sysPath);
  expect([...interpreter.sitePackages].sort()).toEqual(truth.siteDirs);
});

test("the user site of the service's HOME comes between a venv's and the system's site directories", async () => {
  dep = createDeployment();
  const venv = dep.path("venv");
  runPythonOrThrow(realPython(), ["-m", "venv", "--without-pip", "--system-site-packages", venv]);
  const python = path.join(venv, "bin", "python3");
  const minor = runPythonOrThrow(python, ["-I", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).trim();
  const home = dep.path("home");
  const userSite = path.join(home, ".local", "lib", `python${minor}`, "site-packages");
  fs.mkdirSync(path.join(userSite, "from-user-pth"), { recursive: true });
  writeTree(userSite, { "user.pth": "from-user-pth\n" });
  writeTree(dep.app, { "server.py": "" });
  const unitFile = writeUnit(dep.units, "usersite.service", {
    ExecStart: `${python} ${dep.path("app", "server.py")}`,
    Environment: `HOME=${home}`,
  });
  const { inventory } = await collectOk(
    testSpec({ appRoots: [dep.app], service: "usersite.service", unitFile, maxFiles: 1000 }),
  );
  const truth = siteTruth(python, { HOME: home });
  expect(truth.sysPath).toContain(userSite);
  expect(inventory.interpreter?.sysPath).toEqual(truth.sysPath);
  expect([...inventory.interpreter!.sitePackages].sort()).toEqual(truth.siteDirs);

  const noUserSite = writeUnit(dep.units, "nousersite.service", {
    ExecStart: `${python} -s ${dep.path("app", "server.py")}`,
    Environment: `HOME=${home}`,
  });
  const without = await collectOk(
    testSpec({ appRoots: [dep.app], service: "nousersite.service", unitFile: noUserSite, maxFiles: 1000 }),
  );
  expect(without.inventory.interpreter?.sysPath).not.toContain(userSite);
});

test("venvs of the other CPython versions on this machine agree with their own site", async () => {
  dep = createDeployment();
  const others = otherPythons(realPython());
  for (const other of others) {
    const venv = dep.path(`venv-${other.minor}`);
    runPythonOrThrow(other.path, ["-m", "venv", "--without-pip", "--system-site-packages", venv]);
    const python = path.join(venv, "bin", "python3");
    const interpreter = await collectFor(python, dep);
    expect([other.version, interpreter.sysPath]).toEqual([other.version, siteTruth(python).sysPath]);
  }
  console.info(`compared with ${others.map((o) => o.version).join(", ") || "no other interpreter"}`);
}, 120_000);
