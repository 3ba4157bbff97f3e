import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCollector, type CollectorOutcome } from "@/lib/collector/run-collector";
import { createSshTransport } from "@/lib/transport/ssh";
import { collectLocal, rootAt } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { writeTree } from "../support/fixtures/deployment";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeUnit } from "../support/fixtures/unit-files";
import { createVenv, type Venv } from "../support/fixtures/venv";
import { realPython, runPythonOrThrow } from "../support/python";
import { keyLogin } from "../support/ssh-login";
import { startSshd, type Sshd } from "../support/sshd";

// The collector never runs code the target controls: the service's venv has a .pth hook, a
// sitecustomize.py and a usercustomize.py (in its site-packages and in the service user's user site),
// each leaving a marker when it runs. Collections that run the service's interpreter (probe, hashes,
// pyc bodies, startup cost) and collections whose collector itself runs under that interpreter, locally
// and over a real sshd, leave no marker, and the snapshot still describes the venv.

let s: ServiceScenario;
let venv: Venv;
let sshd: Sshd;
let unitFile: string;
let home: string;
const markers = () => ["pth", "sitecustomize", "usercustomize"].map((name) => s.dep.path("markers", name));
const hook = (marker: string) => `open(${JSON.stringify(marker)}, "a").close()`;

beforeAll(async () => {
  s = serviceScenario();
  venv = createVenv(s.dep.python, s.dep.path("site-venv"), {
    systemSitePackages: true,
    pkg: { name: "tinyweb", version: "1.2.3", files: { "tinyweb/__init__.py": "VERSION = '1.2.3'\n" } },
    compile: true,
  });
  compileTree(venv.python, path.join(s.pkg, "views"), { mode: "checked-hash" });
  fs.mkdirSync(s.dep.path("markers"), { mode: 0o777 });
  const [pth, site, user] = markers() as [string, string, string];
  const minor = runPythonOrThrow(venv.python, ["-I", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).trim();
  home = s.dep.path("home");
  writeTree(path.join(home, ".local", "lib", `python${minor}`, "site-packages"), { "usercustomize.py": hook(user) });
  writeTree(venv.sitePackages, {
    "hook.pth": `import os; ${hook(pth)}\n`,
    "sitecustomize.py": hook(site),
    "usercustomize.py": hook(user),
  });
  unitFile = writeUnit(s.dep.units, "hooked.service", {
    ExecStart: `${venv.python} ${s.server}`,
    WorkingDirectory: s.dep.app,
    Environment: `HOME=${home}`,
  });
  sshd = await startSshd();
});

afterAll(async () => {
  await sshd?.stop();
  s?.remove();
});

const spec = () => s.spec({ service: "hooked.service", unitFile, measureStartup: true });

function expectNoMarkerAndTheVenv(outcome: CollectorOutcome): void {
  expect(outcome.ok, outcome.ok ? "" : `${outcome.code}: ${outcome.message}`).toBe(true);
  expect(markers().filter((m) => fs.existsSync(m))).toEqual([]);
  if (!outcome.ok) return;
  const { inventory, measurements } = outcome;
  expect(inventory.interpreter).toMatchObject({ path: venv.python, origin: "exec-start" });
  expect(inventory.interpreter?.sitePackages[0]).toBe(venv.sitePackages);
  expect(inventory.interpreter?.sysPath).toContain(
    path.join(home, ".local", "lib", path.basename(path.dirname(venv.sitePackages)), "site-packages"),
  );
  expect(inventory.packages).toContainEqual({ name: "tinyweb", version: "1.2.3" });
  expect(rootAt(inventory, venv.sitePackages).sources.map((src) => src.path)).toContain("sitecustomize.py");
  expect(rootAt(inventory, s.dep.app).sources.filter((src) => src.status === "fresh").length).toBeGreaterThan(0);
  // Measured (the blocked startup modules only; this service can write its caches, so none is blocked).
  expect(measurements.startup).toMatchObject({ capped: false });
  expect(inventory.startup?.modules.some((m) => m.name === "sitecustomize")).toBe(true);
}

test("a local collection runs none of the venv's hooks, also when the collector runs under that venv", async () => {
  expectNoMarkerAndTheVenv(await collectLocal(spec()));
  expectNoMarkerAndTheVenv(await collectLocal(spec(), { python: venv.python }));
});

test("a collection over a real sshd runs none of the venv's hooks", async () => {
  const transport = await createSshTransport(keyLogin(sshd));
  try {
    expectNoMarkerAndTheVenv(await runCollector(transport, spec()));
    expectNoMarkerAndTheVenv(await runCollector(transport, spec(), { python: venv.python }));
  } finally {
    await transport.close();
  }
});

test("the hooks are live: the venv's interpreter started normally runs all three", () => {
  runPythonOrThrow(venv.python, ["-c", "pass"], { env: { HOME: home } });
  expect(markers().filter((m) => fs.existsSync(m))).toEqual(markers());
  for (const m of markers()) fs.rmSync(m);
});

test("the collector and what it starts get only PATH, LANG, HOME and USER of the caller's environment", async () => {
  const seen = s.dep.path("markers", "collector-environ");
  const wrapper = s.dep.path("bin", "python3");
  fs.mkdirSync(path.dirname(wrapper));
  fs.writeFileSync(wrapper, `#!/bin/sh\ntr '\\0' '\\n' < /proc/$$/environ > ${seen}\nexec ${realPython()} "$@"\n`, {
    mode: 0o755,
  });
  const planted = {
    DEPLOYLENS_SECRET_KEY: "k".repeat(64),
    DATABASE_URL: "file:/secret.db",
    SSH_AUTH_SOCK: "/tmp/agent.sock",
  };
  Object.assign(process.env, planted);
  try {
    const outcome = await collectLocal(s.spec({ service: null, unitFile: null }), { python: wrapper });
    expect(outcome.ok, outcome.ok ? "" : outcome.message).toBe(true);
  } finally {
    for (const key of Object.keys(planted)) delete process.env[key];
  }
  const keys = fs
    .readFileSync(seen, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split("=")[0]);
  expect(keys.filter((key) => !["PATH", "LANG", "HOME", "USER", "LC_ALL"].includes(key!))).toEqual([]);
  expect(keys).toContain("PATH");
});
