import fs from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { collectLocal, testSpec } from "../support/fixtures/collect";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeUnit } from "../support/fixtures/unit-files";

// Target-side failures come back as one error event with a specific code, never as a stack dump.

let s: ServiceScenario;
beforeAll(() => {
  s = serviceScenario();
});
afterAll(() => s?.remove());

test("a host-set interpreter that does not exist is no-python, naming it", async () => {
  const outcome = await collectLocal(s.spec({ python: "/nonexistent/bin/python3" }));
  expect(outcome).toMatchObject({ ok: false, code: "no-python" });
  if (!outcome.ok) expect(outcome.message).toContain("/nonexistent/bin/python3");
});

test("an ExecStart= interpreter that is gone (deleted venv) is no-python", async () => {
  const unitFile = writeUnit(s.dep.units, "gone.service", {
    User: "nobody",
    ExecStart: `${s.dep.path("old-venv", "bin", "python3")} ${s.server}`,
  });
  const outcome = await collectLocal(s.spec({ unitFile, service: "gone.service" }));
  expect(outcome).toMatchObject({ ok: false, code: "no-python" });
});

test("a unit file that does not exist is unit-not-found", async () => {
  const outcome = await collectLocal(
    s.spec({ unitFile: s.dep.path("units", "typo.service"), service: "typo.service" }),
  );
  expect(outcome).toMatchObject({ ok: false, code: "unit-not-found" });
});

test("without any unit the collector checks as itself and says so", async () => {
  const outcome = await collectLocal(testSpec({ appRoots: [s.dep.app], python: s.venv.python }));
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return;
  expect(outcome.inventory.service).toMatchObject({ source: "none", unit: null, process: null, environment: {} });
  expect(outcome.inventory.service.identity.uid).toBe(process.getuid?.());
  expect(outcome.inventory.interpreter).toMatchObject({ path: s.venv.python, origin: "host-setting" });
});

const PY36 = "/root/.pyenv/versions/3.6.15/bin/python3";
test.runIf(fs.existsSync(PY36))("a collector run by Python 3.6 refuses with collector-python-too-old", async () => {
  expect(await collectLocal(s.spec(), { python: PY36 })).toMatchObject({ ok: false, code: "collector-python-too-old" });
});

test("an aborted collection returns aborted", async () => {
  const controller = new AbortController();
  const pending = collectLocal(s.spec({ measureStartup: true }), {
    signal: controller.signal,
    onProgress: () => controller.abort(new Error("stop")),
  });
  expect(await pending).toMatchObject({ ok: false, code: "aborted" });
});
