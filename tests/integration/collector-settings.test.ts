import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { REDACTED } from "@/lib/snapshot/schema";
import { cacheFromSource, effectiveFlags, runPython } from "../support/python";
import { collectOk } from "../support/fixtures/collect";
import { startFakeService } from "../support/fixtures/fake-service";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeEnvFile, writeUnit, type ServiceSettings } from "../support/fixtures/unit-files";

// The service's effective bytecode settings come from its options and environment (python-bytecode.md §1, §3,
// §4). Each row is a unit file; the expected values are what the real interpreter reports when
// started with the same options, environment and working directory.

let s: ServiceScenario;
beforeAll(() => {
  s = serviceScenario();
});
afterAll(() => s?.remove());

type Row = { name: string; flags?: string[]; env?: Record<string, string>; envFile?: string; cwd?: string };

const rows: Row[] = [
  { name: "PYTHONDONTWRITEBYTECODE=0 still writes", env: { PYTHONDONTWRITEBYTECODE: "0" } },
  { name: "PYTHONDONTWRITEBYTECODE=1 disables writing", env: { PYTHONDONTWRITEBYTECODE: "1" } },
  { name: "PYTHONDONTWRITEBYTECODE=no disables writing", env: { PYTHONDONTWRITEBYTECODE: "no" } },
  { name: "-B disables writing", flags: ["-B"] },
  {
    name: "-I ignores every PYTHON* variable",
    flags: ["-I"],
    env: { PYTHONDONTWRITEBYTECODE: "1", PYTHONOPTIMIZE: "2", PYTHONPYCACHEPREFIX: "/var/cache/x" },
  },
  { name: "-E ignores every PYTHON* variable", flags: ["-E"], env: { PYTHONOPTIMIZE: "1" } },
  { name: "PYTHONOPTIMIZE=x counts as 1", env: { PYTHONOPTIMIZE: "x" } },
  { name: "the higher of -O and PYTHONOPTIMIZE wins", flags: ["-O"], env: { PYTHONOPTIMIZE: "2" } },
  { name: "-OO is level 2", flags: ["-OO"] },
  { name: "combined letters -BO set both", flags: ["-BO"] },
  ...[" 2", "2 ", "+3", "-1", "007"].map((value) => ({
    name: `PYTHONOPTIMIZE=${JSON.stringify(value)} is parsed like strtol`,
    env: { PYTHONOPTIMIZE: value },
  })),
  {
    name: "the first -X pycache_prefix wins",
    flags: ["-X", "pycache_prefix=/var/cache/first", "-Xpycache_prefix=/var/cache/second"],
  },
  {
    name: "-X pycache_prefix beats the variable",
    flags: ["-X", "pycache_prefix=/var/cache/x-opt"],
    env: { PYTHONPYCACHEPREFIX: "/var/cache/env" },
  },
  {
    name: "an empty -X pycache_prefix= disables the variable",
    flags: ["-X", "pycache_prefix="],
    env: { PYTHONPYCACHEPREFIX: "/var/cache/env" },
  },
  { name: "an empty PYTHONPYCACHEPREFIX is no prefix", env: { PYTHONPYCACHEPREFIX: "" } },
  {
    name: "a relative prefix resolves against WorkingDirectory",
    env: { PYTHONPYCACHEPREFIX: "instance/tmp" },
    cwd: "app",
  },
  { name: "--check-hash-based-pycs always", flags: ["--check-hash-based-pycs", "always"] },
  {
    name: "EnvironmentFile= values apply after Environment=",
    env: { PYTHONOPTIMIZE: "1" },
    envFile: "PYTHONOPTIMIZE='2'\n# PYTHONOPTIMIZE=0\n",
  },
];

function unitFor(row: Row, i: number): string {
  const workdir = row.cwd ? s.dep.path(row.cwd) : "/";
  const settings: ServiceSettings = {
    User: "nobody",
    ExecStart: [s.venv.python, ...(row.flags ?? []), s.server].join(" "),
    WorkingDirectory: workdir,
    Environment: Object.entries(row.env ?? {}).map(([k, v]) => `"${k}=${v}"`),
  };
  if (row.envFile) settings.EnvironmentFile = writeEnvFile(s.dep.units, `row${i}.env`, row.envFile);
  return writeUnit(s.dep.units, `row${i}.service`, settings);
}

test.each(rows.map((row, i) => ({ ...row, i })))("$name", async (row) => {
  const unitFile = unitFor(row, row.i);
  const { inventory } = await collectOk(s.spec({ service: `row${row.i}.service`, unitFile }));
  const env = { ...(row.env ?? {}), ...(row.envFile ? { PYTHONOPTIMIZE: "2" } : {}) };
  const truth = effectiveFlags(s.venv.python, row.flags ?? [], env, row.cwd ? s.dep.path(row.cwd) : "/");
  const interp = inventory.interpreter!;
  expect({
    optimize: interp.optimize,
    dontWriteBytecode: interp.dontWriteBytecode,
    pycachePrefix: interp.pycachePrefix,
    checkHashPycs: interp.checkHashPycs,
  }).toEqual(truth);
  expect(interp.ignoresEnvironment).toBe((row.flags ?? []).some((f) => f === "-I" || f === "-E"));
  expect(Object.keys(interp.explain)).toEqual(
    expect.arrayContaining(["optimize", "dontWriteBytecode", "pycachePrefix", "checkHashPycs"]),
  );
});

test("PYTHONDONTWRITEBYTECODE=0 really writes and =1 really does not (the importer, not a flag, decides)", () => {
  const module = path.join(s.pkg, "m2.py");
  const pyc = cacheFromSource(s.venv.python, module);
  for (const [value, writes] of [
    ["1", false],
    ["0", true],
  ] as const) {
    fs.rmSync(pyc, { force: true });
    const result = runPython(s.venv.python, ["-c", "import webapp.m2"], {
      cwd: s.dep.app,
      env: { PYTHONDONTWRITEBYTECODE: value },
    });
    expect(result.code, result.stderr).toBe(0);
    expect([value, fs.existsSync(pyc)]).toEqual([value, writes]);
  }
});

test("a running service's own environment wins over the unit's, and the process is found from ExecStart", async () => {
  const unitFile = writeUnit(s.dep.units, "live.service", {
    // No User=: the fake service runs as root, and only a process of the unit's user is its process.
    ExecStart: `${s.venv.python} ${s.server} --live-marker ${path.basename(s.dep.root)}`,
    Environment: "PYTHONOPTIMIZE=1",
  });
  const argv = [s.venv.python, s.server, "--live-marker", path.basename(s.dep.root)];
  const service = await startFakeService(argv, { PATH: "/usr/bin:/bin", PYTHONOPTIMIZE: "2" });
  try {
    const { inventory } = await collectOk(s.spec({ service: "live.service", unitFile }));
    const proc = inventory.service.process!;
    // The marker is an option's value: it leaves the target redacted.
    const shown = [...argv.slice(0, -1), REDACTED];
    expect(proc).toMatchObject({
      pid: service.pid,
      readable: true,
      argv: shown,
      environment: { PATH: "/usr/bin:/bin", PYTHONOPTIMIZE: "2" },
    });
    expect(Math.abs(proc.startedAt! - Date.now() / 1000)).toBeLessThan(60);
    expect(inventory.interpreter?.optimize).toBe(effectiveFlags(s.venv.python, [], { PYTHONOPTIMIZE: "2" }).optimize);
    expect(inventory.interpreter?.explain.optimize).toContain(`/proc/${service.pid}/environ`);
  } finally {
    await service.stop();
  }
});
