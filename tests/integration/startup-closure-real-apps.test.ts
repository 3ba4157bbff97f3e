import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Startup } from "@/lib/snapshot/schema";
import { collectOk, testSpec } from "../support/fixtures/collect";
import { createDeployment, type Deployment } from "../support/fixtures/deployment";
import { writeUnit } from "../support/fixtures/unit-files";
import { createVenv } from "../support/fixtures/venv";
import { freePort } from "../support/free-port";
import { DEBIAN_PYTHON, writeDjangoProject, writeGunicornReadyHook } from "../support/real-apps/django-project";
import { writeFlaskApp } from "../support/real-apps/flask-app";
import { accuracy, fileExists, sourceImports, verboseStart } from "../support/real-apps/verbose-start";

// The static startup closure against the interpreter's own answer: real apps built from Debian's
// python3-flask, -django, -gunicorn and -waitress, started for real with PYTHONVERBOSE=1 exactly as their
// unit runs them, and DeployLens's module names compared with the modules the start loaded from source
// or pyc (precision: how many listed modules were loaded; recall: how many loaded modules were listed).

const deployments: Deployment[] = [];
afterAll(() => deployments.forEach((d) => d.remove()));

async function closureOf(dep: Deployment, execStart: string, cwd: string): Promise<Startup> {
  const unitFile = writeUnit(dep.units, "svc.service", { WorkingDirectory: cwd, ExecStart: execStart });
  const { inventory } = await collectOk(testSpec({ appRoots: [dep.app], service: "svc.service", unitFile }));
  return inventory.startup!;
}

function expectAccurate(label: string, startup: Startup, truth: Set<string>) {
  const found = accuracy(
    startup.modules.map((m) => m.name),
    truth,
  );
  console.log(
    `${label}: precision ${found.precision.toFixed(3)}, recall ${found.recall.toFixed(3)} (${startup.modules.length} listed, ${truth.size} loaded); extra ${found.extra.join(" ") || "none"}; missed ${found.missed.join(" ") || "none"}`,
  );
  expect(found.precision, `precision; listed but not loaded: ${found.extra.join(" ")}`).toBeGreaterThanOrEqual(0.95);
  expect(found.recall, `recall; loaded but not listed: ${found.missed.join(" ")}`).toBeGreaterThanOrEqual(0.95);
}

test("a Flask app under `python3 -m waitress wsgi:app`: the closure is the start's own import list", async () => {
  const dep = createDeployment("deploylens-real-flask-");
  deployments.push(dep);
  writeFlaskApp(dep.app);
  const argv = [DEBIAN_PYTHON, "-m", "waitress", `--listen=127.0.0.1:${await freePort()}`, "wsgi:app"];
  const log = await verboseStart(argv, { cwd: dep.app, ready: (stderr) => stderr.includes("Serving on http") });
  // runpy runs waitress/__main__.py as __main__ (compiled and cached, though never imported by name)
  const truth = new Set([...sourceImports(log), "waitress.__main__"]);
  expect(truth.has("webapp.settings_prod") && !truth.has("webapp.admin_tools")).toBe(true);
  const startup = await closureOf(dep, argv.join(" "), dep.app);
  expectAccurate("Flask under waitress", startup, truth);
}, 180_000);

for (const split of [false, true]) {
  const label = split ? "Django with `from .base import *` settings" : "Django";
  test(`${label} under a gunicorn console script: the closure is the start's own import list`, async () => {
    const dep = createDeployment("deploylens-real-django-");
    deployments.push(dep);
    writeDjangoProject(dep.app, split);
    const venv = createVenv(DEBIAN_PYTHON, dep.path("venv"), {
      systemSitePackages: true,
      consoleScript: { name: "gunicorn", module: "gunicorn.app.wsgiapp", func: "run" },
    });
    const marker = dep.path("worker-ready");
    writeGunicornReadyHook(dep.path("ready-hook.py"), marker);
    const argv = [
      venv.bin("gunicorn"),
      "-c",
      dep.path("ready-hook.py"),
      "--workers",
      "1",
      "--bind",
      `127.0.0.1:${await freePort()}`,
      "proj.wsgi:application",
    ];
    const truth = sourceImports(await verboseStart(argv, { cwd: dep.app, ready: fileExists(marker) }));
    expect(truth.has("polls.signals") && !truth.has("polls.urls")).toBe(true);
    expect(fs.existsSync(path.join(dep.app, "proj", split ? "settings/prod.py" : "settings.py"))).toBe(true);
    const startup = await closureOf(dep, argv.join(" "), dep.app);
    expectAccurate(label, startup, truth);
  }, 240_000);
}
