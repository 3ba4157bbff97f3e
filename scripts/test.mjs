// npm test: check the real components the suites use, then formatting, typecheck, unit, integration and e2e.
// No suite is ever skipped silently: a missing prerequisite stops the run with the exact command that installs
// it (installing is .ci/run's job, or the developer's, never the test runner's).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-test-"));

const PREREQUISITES = [
  { name: "OpenSSH server", ok: () => fs.existsSync("/usr/sbin/sshd"), apt: "openssh-server" },
  { name: "Chromium", ok: () => fs.existsSync("/usr/bin/chromium"), apt: "chromium" },
  {
    name: "python3",
    ok: () => works("python3", ["-c", "import sys; assert sys.version_info >= (3, 7)"]),
    apt: "python3",
  },
  { name: "python3 venv", ok: () => works("python3", ["-c", "import ensurepip, venv"]), apt: "python3-venv" },
  // The startup-closure accuracy tests build real apps from Debian's packages (tests/support/real-apps).
  ...[
    ["Flask", "flask", "python3-flask"],
    ["Django", "django", "python3-django"],
    ["gunicorn", "gunicorn", "python3-gunicorn"],
    ["waitress", "waitress", "python3-waitress"],
  ].map(([name, module, apt]) => ({
    name: `${name} for Debian's python3`,
    ok: () => works("/usr/bin/python3", ["-c", `import ${module}`]),
    apt,
  })),
  // The real-systemd tests (tests/support/systemd-box.ts) boot a container; without root they skip anyway.
  { name: "systemd-nspawn", ok: () => !isRoot() || fs.existsSync("/usr/bin/systemd-nspawn"), apt: "systemd-container" },
  { name: "debootstrap", ok: () => !isRoot() || works("sh", ["-c", "command -v debootstrap"]), apt: "debootstrap" },
  // The container-target tests (tests/support/podman.ts) run real Podman containers with runc, as root.
  { name: "podman", ok: () => !isRoot() || works("sh", ["-c", "command -v podman"]), apt: "podman" },
  { name: "runc", ok: () => !isRoot() || works("sh", ["-c", "command -v runc"]), apt: "runc" },
  // The PostgreSQL tests (tests/support/postgres.ts) start a throwaway server from Debian's package.
  {
    name: "PostgreSQL server",
    ok: () => fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").length > 0,
    apt: "postgresql",
  },
];

function isRoot() {
  return process.getuid?.() === 0;
}

function works(command, args) {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

function ensurePrerequisites() {
  const missing = PREREQUISITES.filter((p) => !p.ok());
  if (missing.length === 0) return;
  const packages = missing.map((p) => p.apt).join(" ");
  console.error(
    `Missing for the tests: ${missing.map((p) => p.name).join(", ")}.\nInstall them, then run npm test again:\n` +
      `  sudo sh -c 'apt-get update && apt-get install -y ${packages}'`,
  );
  process.exit(1);
}

/** Each tier's wall-clock time, printed in the final summary so the cost of the suite is visible. */
const durations = [];

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  durations.push(`${title} ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return result.status === 0;
}

function vitestCounts(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  // A file that fails to load fails no test but fails the run: count it as one failure.
  const failed = report.numFailedTests || (report.success ? 0 : 1);
  return { passed: report.numPassedTests, failed };
}

function playwrightCounts(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}

ensurePrerequisites();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0 };
const add = ({ passed, failed }) => ((totals.passed += passed), (totals.failed += failed));

// Formatting, lint and typecheck each count as one test: a pass or a failure.
for (const [title, args] of [
  ["format", ["run", "--silent", "format:check"]],
  ["typecheck", ["run", "--silent", "typecheck"]],
  ["lint", ["run", "--silent", "lint"]],
]) {
  add(step(title, "npm", args) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
}
// The dashboard build e2e needs (and two integration files) runs in the background meanwhile, on whatever CPU
// the unit and integration tests leave idle; whoever else needs it waits on its lock (scripts/ensure-built.mjs).
// Started only now: `next typegen` in the typecheck writes into .next, which a build starts by clearing.
const buildLog = path.join(reports, "next-build.log");
const buildOutput = fs.openSync(buildLog, "w");
const build = spawn(process.execPath, [path.join(root, "scripts", "ensure-built.mjs")], {
  cwd: root,
  stdio: ["ignore", buildOutput, buildOutput],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
const built = build.exitCode !== null ? Promise.resolve([build.exitCode]) : once(build, "exit");
for (const project of ["unit", "integration"]) {
  const out = path.join(reports, `${project}.json`);
  step(project, bin("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  add(vitestCounts(out));
}
const [buildCode] = await built;
console.log(`\n=== next build (background): exit ${buildCode}, log ${buildLog}`);
// On failure e2e's global setup builds again in the foreground, where the error shows.
if (buildCode !== 0) console.log(fs.readFileSync(buildLog, "utf8").slice(-4000));
const e2eOut = path.join(reports, "e2e.json");
step("e2e", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut });
add(playwrightCounts(e2eOut));

console.log(`\n=== time per tier: ${durations.join(", ")}`);
// The plain closing line CI reads.
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
