import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createDeployment, type Deployment } from "../support/fixtures/deployment";
import { chownTree, isRoot } from "../support/fixtures/odd-entries";
import { writeUnit } from "../support/fixtures/unit-files";
import { createVenv } from "../support/fixtures/venv";
import { freePort } from "../support/free-port";
import { observeInBackground, type ObservationJson } from "../support/observe-in-background";
import { DEBIAN_PYTHON, writeDjangoProject, writeGunicornReadyHook } from "../support/real-apps/django-project";
import { writeFlaskApp } from "../support/real-apps/flask-app";
import { startService, verboseService } from "../support/real-apps/verbose-start";
import { verboseKinds, verboseVerdicts, type VerboseModule } from "../support/real-apps/verbose-verdicts";
import { runCli } from "../support/run-cli";
import { createThrowawayAccount, type ThrowawayAccount } from "../support/throwaway-account";

// The observed closure against the interpreter's own answer, on the real apps built from Debian's
// python3-flask, -django, -gunicorn and -waitress: `deploylens observe NAME --json` is armed, the service is
// started as its user with PYTHONVERBOSE=1 once "watching N directories" is printed, and the
// observation must equal the start's `-v` log, module by module, in three states of the cache: a fresh
// cache the user can write, a __pycache__ the user cannot write (blocked), and the printed
// PYTHONPYCACHEPREFIX fix (every module compiled into the prefix at its first start, from cache at the next).
//
// What is comparable: modules with a source file in a directory the observer watches (the static closure's
// directories and the app root's). Built-in and frozen modules have no file; extension modules (.so) have no
// bytecode, so neither a watch nor the contract's "cache"|"compiled" applies; a module in a directory the
// static closure never reached is not watched. Those are counted from the log and printed, never compared.
//
// Each app's user is an account of its own, not nobody: without a systemd unit (these apps are started by the test)
// the observer counts the opens of every process of the service's user, and other tests on the machine start apps
// as nobody (a Flask app's start meanwhile added 114 modules to a Django start's observation).

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A system account for one app's service, without a home or a login shell. */
const serviceAccount = () =>
  createThrowawayAccount("dlsvc-", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin"]);

/** `argv` run as `user`, as its unit's User= would. */
const asUser = (user: ThrowawayAccount, argv: string[]) => [
  "setpriv",
  `--reuid=${user.uid}`,
  `--regid=${user.gid}`,
  "--clear-groups",
  ...argv,
];

type Verdict = { name: string | null; loaded: "cache" | "compiled"; blocked: boolean };
type SnapshotJson = {
  startup: {
    origin: string;
    modules: { name: string; path: string }[];
    counts: { modules: number; fresh: number; blocked: number };
  };
  findings: { id: string; fix: { code?: string }[] }[];
};

type RealApp = {
  label: string;
  dep: Deployment;
  /** The service's user. */
  user: ThrowawayAccount;
  argv: string[];
  ready: (stderr: string) => boolean;
  /** Before each start: the marker of the previous one goes. */
  reset: () => void;
};

async function flaskApp(): Promise<RealApp> {
  const dep = createDeployment("deploylens-observe-flask-");
  writeFlaskApp(dep.app);
  const argv = [DEBIAN_PYTHON, "-m", "waitress", `--listen=127.0.0.1:${await freePort()}`, "wsgi:app"];
  return {
    label: "Flask under waitress",
    dep,
    user: await serviceAccount(),
    argv,
    ready: (stderr) => stderr.includes("Serving on http"),
    reset: () => undefined,
  };
}

async function djangoApp(split: boolean): Promise<RealApp> {
  const dep = createDeployment("deploylens-observe-django-");
  writeDjangoProject(dep.app, split);
  const venv = createVenv(DEBIAN_PYTHON, dep.path("venv"), {
    systemSitePackages: true,
    consoleScript: { name: "gunicorn", module: "gunicorn.app.wsgiapp", func: "run" },
  });
  // The worker (the service's user) writes the marker once it has loaded the app.
  fs.mkdirSync(dep.path("run"), { mode: 0o777 });
  fs.chmodSync(dep.path("run"), 0o777);
  const marker = dep.path("run", "worker-ready");
  writeGunicornReadyHook(dep.path("ready-hook.py"), marker);
  const port = await freePort();
  const argv = [venv.bin("gunicorn"), "-c", dep.path("ready-hook.py"), "--workers", "1"];
  return {
    label: split ? "Django (gunicorn), `from .base import *` settings" : "Django (gunicorn)",
    dep,
    user: await serviceAccount(),
    argv: [...argv, "--bind", `127.0.0.1:${port}`, "proj.wsgi:application"],
    ready: () => fs.existsSync(marker),
    reset: () => fs.rmSync(marker, { force: true }),
  };
}

/** The directories the observer watches: the static closure's, and those under the app root with sources. */
function watchedDirs(snapshot: SnapshotJson, appRoot: string): Set<string> {
  const dirs = new Set(snapshot.startup.modules.map((m) => path.dirname(m.path)));
  for (const entry of fs.readdirSync(appRoot, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith(".py")) dirs.add(entry.parentPath);
  return dirs;
}

function removePycaches(dir: string): void {
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isDirectory() && entry.name === "__pycache__")
      fs.rmSync(path.join(entry.parentPath, entry.name), { recursive: true, force: true });
}

/**
 * One observed start: observe is armed, the service starts as its user with -v, and the observation is
 * compared with the log's verdicts for the watched directories. Returns the observation.
 */
async function observeStart(
  app: RealApp,
  databaseFile: string,
  watched: Set<string>,
  state: string,
  env: Record<string, string> = {},
): Promise<ObservationJson> {
  app.reset();
  // A shared test machine can stall a start for a second or two: the start is over after 5 s without an import.
  const run = observeInBackground("app", databaseFile, ["--quiet", "5s"]);
  await run.armed;
  // The service stays up until the observation is over, as a service does (fanotify asks each opener's user).
  const service = await verboseService(asUser(app.user, app.argv), {
    cwd: app.dep.app,
    env,
    ready: app.ready,
  });
  const result = await run.done;
  const log = await service.stop();
  expect(result.code, result.stderr).toBe(0);
  const observation = JSON.parse(result.stdout) as ObservationJson;

  const all = verboseVerdicts(log);
  const truth = new Map([...all].filter(([source]) => watched.has(path.dirname(source))));
  const ours = new Map<string, Verdict>(
    observation.modules.map((m) => [m.path, { name: m.name, loaded: m.loaded, blocked: m.blocked }]),
  );
  const missed = [...truth.keys()].filter((p) => !ours.has(p));
  const extra = [...ours.keys()].filter((p) => !truth.has(p));
  const differ = [...truth].filter(([p, v]) => {
    const mine = ours.get(p);
    return mine && (mine.loaded !== v.loaded || mine.blocked !== v.blocked || (v.name && mine.name !== v.name));
  });
  const outside = [...all.keys()].filter((source) => !truth.has(source));
  const kinds = verboseKinds(log);
  const count = (v: Iterable<VerboseModule>, f: (m: VerboseModule) => boolean) => [...v].filter(f).length;
  console.log(
    `${app.label}, ${state}: observed ${ours.size}, -v ${truth.size} comparable ` +
      `(${count(truth.values(), (m) => m.loaded === "cache")} cache, ` +
      `${count(truth.values(), (m) => m.loaded === "compiled" && !m.blocked)} compiled+cached, ` +
      `${count(truth.values(), (m) => m.blocked)} blocked); not comparable: ${all.size - truth.size} sources outside ` +
      `the watched directories, ${kinds.builtin} built-in, ${kinds.frozen} frozen, ${kinds.extension} extension, ` +
      `${kinds.other} other; mismatches ${missed.length + extra.length + differ.length}` +
      (outside.length ? `\n  not watched: ${outside.join(" ")}` : "") +
      (missed.length ? `\n  missed: ${missed.join(" ")}` : "") +
      (extra.length ? `\n  extra: ${extra.join(" ")}` : "") +
      (differ.length
        ? `\n  differ: ${differ.map(([p, v]) => `${p} -v ${JSON.stringify(v)} ours ${JSON.stringify(ours.get(p))}`).join("\n  ")}`
        : ""),
  );
  expect(missed, "modules the start imported that observe did not record").toEqual([]);
  expect(extra, "modules observe recorded that the start did not import").toEqual([]);
  expect(differ, "modules whose verdict or name differs from the interpreter's").toEqual([]);
  return observation;
}

async function observeThreeStates(app: RealApp) {
  const { dep, user } = app;
  cleanups.push(() => dep.remove());
  // A killed worker may still be exiting (userdel refuses then): the account goes when this process exits.
  cleanups.push(() => user.remove().catch(() => undefined));
  const name = `dlobserve${crypto.randomBytes(4).toString("hex")}`;
  const unit = (environment?: string) =>
    writeUnit(dep.units, `${name}.service`, {
      User: user.user,
      WorkingDirectory: dep.app,
      ...(environment ? { Environment: environment } : {}),
      ExecStart: app.argv.join(" "),
    });
  const unitFile = unit();
  const databaseFile = dep.path("deploylens.db");
  const cli = (...args: string[]) => runCli(args, { databaseFile });
  const host = ["--local", "--app-root", dep.app, "--service", `${name}.service`, "--unit-file", unitFile];
  const added = await cli("hosts", "add", "app", ...host);
  expect(added.code, added.stderr).toBe(0);
  const collect = async (...extra: string[]) => {
    const run = await cli("collect", "app", "--json", ...extra);
    return { code: run.code, stderr: run.stderr, snapshot: JSON.parse(run.stdout) as SnapshotJson };
  };

  // 1. A fresh cache the service user can write: the app compiles and caches, the libraries come from cache.
  removePycaches(dep.app);
  chownTree(dep.app, user.uid, user.gid);
  const first = await collect();
  expect(first.code, first.stderr).toBe(0);
  const watched = watchedDirs(first.snapshot, dep.app);
  const fresh = await observeStart(app, databaseFile, watched, "fresh cache");
  expect(fresh.modules.some((m) => m.loaded === "compiled" && !m.blocked)).toBe(true);

  // 2. The app's __pycache__ not writable by the service user: its modules compile at every start, blocked.
  removePycaches(dep.app);
  chownTree(dep.app, 0, 0);
  const blocked = await observeStart(app, databaseFile, watched, "pycache not writable");
  expect(blocked.modules.some((m) => m.blocked)).toBe(true);

  // 3. The fix DeployLens prints: a prefix the user owns, named in the unit. The first start compiles every
  // module into it, the second loads every one from cache.
  const before = await collect();
  const fix = before.snapshot.findings.find((f) => f.id === "pycache-not-writable")?.fix;
  const lines = (fix?.[0]?.code ?? "").split("\n");
  const prefix = `/var/cache/${name}/pyc`;
  expect(lines).toContain(`PYTHONPYCACHEPREFIX=${prefix}`);
  cleanups.push(() => fs.rmSync(path.dirname(prefix), { recursive: true, force: true }));
  for (const command of lines.filter((line) => line.startsWith("install -d "))) execFileSync("sh", ["-c", command]);
  unit(`PYTHONPYCACHEPREFIX=${prefix}`);
  const fixed = await collect();
  expect(fixed.code, fixed.stderr).toBe(0);
  const env = { PYTHONPYCACHEPREFIX: prefix };
  const compiled = await observeStart(app, databaseFile, watched, "prefix fix, first start", env);
  expect(compiled.modules.every((m) => m.loaded === "compiled" && !m.blocked)).toBe(true);
  const cached = await observeStart(app, databaseFile, watched, "prefix fix, second start", env);
  expect(cached.modules.every((m) => m.loaded === "cache")).toBe(true);

  // The service keeps running; the headline counts the observed start, and the gate passes.
  app.reset();
  const service = await startService(asUser(user, app.argv), { cwd: dep.app, env, ready: app.ready });
  cleanups.push(() => service.stop());
  const after = await collect("--fail-under", "80");
  service.stop();
  expect(after.code, after.stderr).toBe(0);
  expect(after.snapshot.startup.origin).toBe("observed");
  expect(after.snapshot.startup.counts.modules).toBe(cached.modules.length);
  expect(after.snapshot.startup.counts.blocked).toBe(0);
  expect(after.snapshot.startup.counts.fresh).toBe(after.snapshot.startup.counts.modules);
}

test.skipIf(!isRoot)(
  "observe equals the -v log of a Flask app under `python3 -m waitress` in three cache states (needs root: starts it as a user of its own)",
  async () => observeThreeStates(await flaskApp()),
  400_000,
);

for (const split of [false, true])
  test.skipIf(!isRoot)(
    `observe equals the -v log of a Django project${split ? " with `from .base import *` settings" : ""} under a gunicorn console script in three cache states (needs root: starts it as a user of its own)`,
    async () => observeThreeStates(await djangoApp(split)),
    400_000,
  );
