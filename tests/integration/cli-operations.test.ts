import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { coveragePercent } from "@/lib/analysis/coverage-percent";
import { commands } from "@/lib/cli/command-list";
import { halfCompiledApp, openPycacheToEveryone, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/deploylens");
const temp = tempDir("deploylens-cli-ops-");
const databaseFile = path.join(temp.dir, "ops.db");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let half: HalfCompiledApp;
let open: HalfCompiledApp;

beforeAll(async () => {
  half = halfCompiledApp();
  open = halfCompiledApp();
  openPycacheToEveryone(open.app);
  expect((await cli("hosts", "add", "half", ...half.hostArgs)).code).toBe(0);
  expect((await cli("hosts", "add", "open", ...open.hostArgs, "--max-files", "5000", "--timeout", "60")).code).toBe(0);
});

afterAll(() => {
  half?.remove();
  open?.remove();
  temp.remove();
});

// Every CLI run is a fresh Node process with tsx: on a shared, busy machine that is seconds each.
const SLOW = 600_000;

test("every command answers --help with its usage and exit 0", { timeout: SLOW }, async () => {
  for (const command of commands) {
    const result = await cli(...command.words, "--help");
    expect(result.code, command.words.join(" ")).toBe(0);
    expect(result.stdout).toContain(`usage: deploylens ${command.words.join(" ")}`);
  }
});

test("--fail-under fails the run with exit 3 when startup coverage is below it, and passes at it", async () => {
  // The gate judges startup coverage (the modules the service imports), not all sources: read it first.
  const first = await cli("collect", "half", "--json");
  const counts = (JSON.parse(first.stdout) as { startup: { counts: { modules: number; fresh: number } } }).startup
    .counts;
  const percent = coveragePercent(counts.fresh, counts.modules)!;
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);
  const below = await cli("collect", "half", "--fail-under", String(percent + 1));
  expect(below.code, below.stderr).toBe(3);
  expect(below.stderr).toContain(`gate failed: half: startup coverage ${percent}% is below ${percent + 1}%`);
  const at = await cli("collect", "half", "--fail-under", String(percent));
  expect(at.code, at.stderr).toBe(0);
});

test("--fail-on critical trips on a world-writable __pycache__ only; --fail-on warning is at least as strict", async () => {
  const clean = await cli("collect", "half", "--fail-on", "critical");
  expect(clean.code, clean.stderr).toBe(0);
  const critical = await cli("collect", "open", "--fail-on", "critical", "--json");
  expect(critical.code).toBe(3);
  expect(critical.stderr).toContain("gate failed: open: 1 critical finding(s)");
  expect(JSON.parse(critical.stdout)).toMatchObject({
    host: "open",
    status: "ok",
    findings: [{ id: "world-writable-pycache" }],
  });
  expect((await cli("collect", "open", "--fail-on", "warning")).code).toBe(3);
});

test("the cron line `deploylens collect --all --fail-under 80` collects every host, without a progress bar in a pipe", () => {
  const env = { ...process.env, DATABASE_URL: `file:${databaseFile}` };
  const run = spawnSync(process.execPath, [BIN, "collect", "--all", "--fail-under", "80", "--json"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(3);
  const snapshots = JSON.parse(run.stdout) as { host: string; status: string }[];
  expect(snapshots.map((s) => [s.host, s.status]).sort()).toEqual([
    ["half", "ok"],
    ["open", "ok"],
  ]);
  expect(run.stderr).not.toContain("\r");
  expect(run.stderr).not.toContain("█");
});

test(
  "a failed collection exits 1 even when gates are given; bad gate values are usage errors",
  { timeout: SLOW },
  async () => {
    expect(
      (await cli("hosts", "add", "gone", "--local", "--app-root", "/srv/app", "--python", "/nonexistent/python3")).code,
    ).toBe(0);
    const failed = await cli("collect", "gone", "--fail-under", "10");
    expect(failed.code, failed.stdout).toBe(1);
    expect((await cli("collect", "half", "--fail-under", "abc")).code).toBe(2);
    expect((await cli("collect", "half", "--fail-on", "info")).code).toBe(2);
    expect((await cli("collect")).code).toBe(2);
    expect((await cli("hosts", "remove", "gone")).code).toBe(0);
  },
);

test("hosts edit, show and remove; schedule and baseline; snapshots and export", { timeout: SLOW }, async () => {
  const edited = await cli(
    "hosts",
    "edit",
    "half",
    "--max-files",
    "2000",
    "--timeout",
    "30",
    "--schedule",
    "0 * * * *",
    "--json",
  );
  expect(edited.code, edited.stderr).toBe(0);
  expect(JSON.parse(edited.stdout)).toMatchObject({ maxFiles: 2000, timeoutSeconds: 30, schedule: "0 * * * *" });
  expect((await cli("hosts", "edit", "half", "--timeout", "1")).code).toBe(2);
  expect((await cli("schedule", "half", "every hour")).code).toBe(2);
  expect((await cli("schedule", "half", "off")).code).toBe(0);

  const listed = JSON.parse((await cli("snapshots", "half", "--json")).stdout) as {
    id: string;
    startupPercent: number;
    coveragePercent: number;
  }[];
  expect(listed.length).toBeGreaterThanOrEqual(2);
  // The half-compiled app: half of all sources are fresh; the startup closure is judged on its own.
  expect(listed[0]!.coveragePercent).toBe(50);
  expect(listed[0]!.startupPercent).toBeGreaterThan(0);
  expect((await cli("baseline", "half", listed.at(-1)!.id)).code).toBe(0);
  const shown = JSON.parse((await cli("hosts", "show", "half", "--json")).stdout) as Record<string, unknown>;
  expect(shown).toMatchObject({
    name: "half",
    schedule: null,
    baselineSnapshotId: listed.at(-1)!.id,
    coveragePercent: 50,
    startupPercent: listed[0]!.startupPercent,
  });
  const marked = JSON.parse((await cli("snapshots", "half", "--json")).stdout) as { id: string; baseline: boolean }[];
  expect(marked.filter((s) => s.baseline).map((s) => s.id)).toEqual([listed.at(-1)!.id]);

  const compared = await cli("compare", "half", "--json");
  expect(compared.code, compared.stderr).toBe(0);
  expect((JSON.parse(compared.stdout) as { url: string }).url).toContain(`/compare/${listed.at(-1)!.id}/`);
  const exported = await cli("export", "half", "--csv");
  expect(exported.code, exported.stderr).toBe(0);
  // Every source under the app root, once (startup modules come first, as their own "startup" rows).
  expect(exported.stdout.split("\n").filter((line) => line.startsWith("app,"))).toHaveLength(8);

  expect((await cli("hosts", "remove", "open")).code).toBe(0);
  expect((await cli("hosts", "show", "open")).code).toBe(2);
});

test("hosts edit --entry sets the entry points the next collection starts from; --entry none clears them", async () => {
  // A host of its own: the tests above remove theirs.
  expect((await cli("hosts", "add", "entry", ...half.hostArgs, "--max-files", "5000")).code).toBe(0);
  const edited = await cli("hosts", "edit", "entry", "--entry", "webapp.views.v1", "--entry", "webapp.m2", "--json");
  expect(edited.code, edited.stderr).toBe(0);
  expect(JSON.parse(edited.stdout)).toMatchObject({ entryPoints: ["webapp.views.v1", "webapp.m2"], maxFiles: 5000 });
  const collected = await cli("collect", "entry", "--json");
  const startup = (JSON.parse(collected.stdout) as { startup: { entryPoints: string[]; modules: { name: string }[] } })
    .startup;
  expect(startup.entryPoints).toEqual(expect.arrayContaining(["webapp.views.v1", "webapp.m2"]));
  // The closure now starts from those two modules: the other app modules are not imported at start.
  expect(startup.modules.map((m) => m.name)).toEqual(expect.arrayContaining(["webapp.views.v1", "webapp.m2"]));
  expect(startup.modules.map((m) => m.name)).not.toContain("webapp.views.v0");
  expect((await cli("hosts", "edit", "entry", "--entry", "not a module")).code).toBe(2);
  const cleared = await cli("hosts", "edit", "entry", "--entry", "none", "--json");
  expect(JSON.parse(cleared.stdout)).toMatchObject({ entryPoints: [] });
});
