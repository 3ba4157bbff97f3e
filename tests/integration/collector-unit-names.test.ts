import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { collectLocal, collectOk, testSpec } from "../support/fixtures/collect";
import { createDeployment, writeTree, type Deployment } from "../support/fixtures/deployment";
import { serviceSection, writeUnit } from "../support/fixtures/unit-files";
import { createVenv, type Venv } from "../support/fixtures/venv";

// `--service lernmanager` means what `systemctl status lernmanager` means: lernmanager.service. A
// template instance (app@1) loads app@.service with the instance's and the template's drop-ins, and
// %i expands to the instance. The units live in a temporary directory given as the search path
// (spec.unitDirs), with names unique to this run: the machine's /etc/systemd is never read.

let dep: Deployment;
let venv: Venv;
let unitDir: string;
const tag = `dl${process.pid}x${Date.now().toString(36)}`;
const plain = `lm${tag}`;
const template = `app${tag}`;

function dropIn(dirName: string, file: string, text: string): void {
  writeTree(path.join(unitDir, dirName), { [file]: text });
}

beforeAll(() => {
  dep = createDeployment();
  venv = createVenv(dep.python, dep.path("venv"));
  writeTree(dep.app, { "server.py": "" });
  unitDir = dep.path("unit-dir");
  fs.mkdirSync(unitDir);
  const execStart = `${venv.python} ${path.join(dep.app, "server.py")}`;
  writeUnit(unitDir, `${plain}.service`, { ExecStart: execStart, Environment: "PYTHONOPTIMIZE=2" });
  writeUnit(unitDir, `${template}@.service`, {
    ExecStart: execStart,
    Environment: `PYTHONPYCACHEPREFIX=${dep.path("pyc")}/%i`,
  });
  dropIn(`${template}@.service.d`, "10-template.conf", serviceSection({ Environment: "PYTHONOPTIMIZE=1" }));
  dropIn(`${template}@.service.d`, "30-same.conf", serviceSection({ Environment: "PYTHONWARNINGS=from-template" }));
  dropIn(
    `${template}@1.service.d`,
    "20-instance.conf",
    serviceSection({ Environment: "PYTHONIOENCODING=instance-%i" }),
  );
  dropIn(`${template}@1.service.d`, "30-same.conf", serviceSection({ Environment: "PYTHONWARNINGS=from-instance" }));
});

afterAll(() => dep?.remove());

const spec = (service: string, more = {}) => testSpec({ appRoots: [dep.app], service, unitDirs: [unitDir], ...more });

test("a unit named without a suffix is the .service unit", async () => {
  const { inventory } = await collectOk(spec(plain));
  expect(inventory.service).toMatchObject({
    unit: `${plain}.service`,
    source: "unit-file",
    environment: { PYTHONOPTIMIZE: "2" },
  });
  expect(inventory.service.configFiles[0]).toMatchObject({
    path: path.join(unitDir, `${plain}.service`),
    kind: "fragment",
  });
  expect(inventory.interpreter?.optimize).toBe(2);
});

test("a template instance loads the template, both drop-in directories and expands %i", async () => {
  const { inventory } = await collectOk(spec(`${template}@1`));
  const { service } = inventory;
  expect(service.unit).toBe(`${template}@1.service`);
  expect(service.configFiles.map((f) => [f.kind, path.relative(unitDir, f.path)])).toEqual([
    ["fragment", `${template}@.service`],
    ["drop-in", `${template}@.service.d/10-template.conf`],
    ["drop-in", `${template}@1.service.d/20-instance.conf`],
    ["drop-in", `${template}@1.service.d/30-same.conf`],
  ]);
  expect(service.environment).toEqual({
    PYTHONPYCACHEPREFIX: `${dep.path("pyc")}/1`,
    PYTHONOPTIMIZE: "1",
    PYTHONIOENCODING: "instance-1",
    PYTHONWARNINGS: "from-instance",
  });
  expect(inventory.interpreter).toMatchObject({ optimize: 1, pycachePrefix: `${dep.path("pyc")}/1` });
});

test("another instance gets only the template's drop-ins and its own %i", async () => {
  const { inventory } = await collectOk(spec(`${template}@blue.service`));
  expect(inventory.service.environment).toEqual({
    PYTHONPYCACHEPREFIX: `${dep.path("pyc")}/blue`,
    PYTHONOPTIMIZE: "1",
    PYTHONWARNINGS: "from-template",
  });
});

test("an explicit template file with an instance name without suffix", async () => {
  const unitFile = path.join(unitDir, `${template}@.service`);
  const { inventory } = await collectOk(testSpec({ appRoots: [dep.app], service: `${template}@1`, unitFile }));
  expect(inventory.service).toMatchObject({ unit: `${template}@1.service` });
  expect(inventory.service.environment).toMatchObject({
    PYTHONPYCACHEPREFIX: `${dep.path("pyc")}/1`,
    PYTHONWARNINGS: "from-instance",
  });
});

test("a unit that is nowhere fails with unit-not-found, naming the .service unit and where it looked", async () => {
  const outcome = await collectLocal(spec(`nope${tag}`));
  expect(outcome).toMatchObject({ ok: false, code: "unit-not-found" });
  expect(outcome.ok ? "" : outcome.message).toContain(`nope${tag}.service`);
  expect(outcome.ok ? "" : outcome.message).toContain(unitDir);
});
