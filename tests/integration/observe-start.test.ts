import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { coveragePercent } from "@/lib/analysis/coverage-percent";
import { observedApp, startAsNobody, verdictsFromVerboseLog, type ObservedApp } from "../support/fixtures/observed-app";
import { isRoot, NOBODY } from "../support/fixtures/odd-entries";
import {
  observeInBackground,
  OBSERVATION_KEYS,
  type ObservationJson as Observation,
} from "../support/observe-in-background";
import { pythonInfo, runPythonOrThrow } from "../support/python";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// The observed closure against the interpreter's own answer: a real start of a real app as an unprivileged
// service user, watched by `deploylens observe`, compared module by module with that start's `-v` log.

const temp = tempDir("deploylens-observe-db-");
const databaseFile = path.join(temp.dir, "observe.db");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let app: ObservedApp;

type SnapshotJson = {
  startup: { origin: string; counts: { blocked: number; fresh: number; modules: number } };
  identityNote: string | null;
};

beforeAll(async () => {
  app = observedApp();
  const add = await cli("hosts", "add", "svc", "--local", "--app-root", app.app, "--python", app.python);
  expect(add.code, add.stderr).toBe(0);
  expect((await cli("hosts", "edit", "svc", "--entry", "webapp", "--user", "nobody")).code).toBe(0);
});

afterAll(() => {
  app?.remove();
  temp.remove();
});

test.runIf(isRoot)(
  "observe records, per module, the verdicts of the interpreter's own -v log of the same start",
  { timeout: 300_000 },
  async () => {
    const first = await cli("collect", "svc", "--json");
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as SnapshotJson).startup.origin).toBe("static");

    const run = observeInBackground("svc", databaseFile);
    expect(await run.armed).toBeGreaterThan(0);
    // Another Python process of the service's user opens watched standard-library files first. Its burst goes
    // quiet (--quiet 2s) without touching the app, so it is not the start: waiting out the quiet period is
    // what is tested.
    const asNobody = [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, "--clear-groups", app.python];
    runPythonOrThrow("setpriv", [...asNobody, "-c", "import linecache, tokenize"]);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const log = startAsNobody(app);
    // Within the start's quiet period, root reads a source the start never imports: fanotify names root as
    // the opener, so it is not counted (inotify alone would count it as a module compiled and blocked).
    fs.readFileSync(path.join(app.app, "webapp", "unused.py"));
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    const observation = JSON.parse(result.stdout) as Observation;
    expect(Object.keys(observation).sort()).toEqual(OBSERVATION_KEYS);

    const truth = verdictsFromVerboseLog(log, pythonInfo(app.python).cacheTag);
    const ours = new Map(observation.modules.map((m) => [m.path, { loaded: m.loaded, blocked: m.blocked }]));
    const underApp = (p: string) => p.startsWith(`${app.app}/`);
    const truthInApp = new Map([...truth].filter(([p]) => underApp(p)));
    expect(truthInApp.size).toBe(14);
    expect(new Map([...ours].filter(([p]) => underApp(p)))).toEqual(truthInApp);
    // Every verdict kind is there, the checked-hash pyc read as a load from cache (its source is opened to hash it).
    expect(truthInApp.get(path.join(app.app, "locked/hashed.py"))).toEqual({ loaded: "cache", blocked: false });
    expect(truthInApp.get(path.join(app.app, "locked/helpers.py"))).toEqual({ loaded: "compiled", blocked: true });
    expect(truthInApp.get(path.join(app.app, "webapp/models.py"))).toEqual({ loaded: "compiled", blocked: false });
    expect(truthInApp.get(path.join(app.app, "webapp/cached.py"))).toEqual({ loaded: "cache", blocked: false });
    expect(truthInApp.get(path.join(app.app, "webapp/edited.py"))).toEqual({ loaded: "compiled", blocked: false });
    expect(truthInApp.get(path.join(app.app, "locked/old.py"))).toEqual({ loaded: "compiled", blocked: true });
    // A source read after its pyc was loaded is still a load from cache; a name that is no identifier is kept.
    expect(truthInApp.get(path.join(app.app, "webapp/reads_source.py"))).toEqual({ loaded: "cache", blocked: false });
    expect(observation.modules.find((m) => m.path === path.join(app.app, "odd-name.py"))?.name).toBe("odd-name");
    expect(truthInApp.get(path.join(app.app, "webapp/linked.py"))).toEqual({ loaded: "compiled", blocked: false });
    // What the start imported outside the app matches the log too.
    for (const [source, verdict] of ours) if (truth.has(source)) expect(verdict, source).toEqual(truth.get(source));
    expect(observation.modules.map((m) => m.name)).not.toContain("webapp.unused");
    expect(observation.staticMissed).toContain("webapp.plugin");
    expect(observation.modules.find((m) => m.name === "webapp.plugin")?.loaded).toBe("compiled");

    // The configuration and sources are unchanged: the headline now counts the observed start.
    const second = await cli("collect", "svc", "--json");
    expect(second.code, second.stderr).toBe(0);
    const snapshot = JSON.parse(second.stdout) as SnapshotJson & {
      startup: { modules: { name: string; blocked: boolean }[] };
    };
    expect(snapshot.startup.origin).toBe("observed");
    expect(snapshot.startup.modules.map((m) => m.name)).toContain("webapp.plugin");
    expect(snapshot.startup.modules.filter((m) => m.blocked).map((m) => m.name)).toContain("locked.helpers");
    // The gate judges the same observed closure.
    const counts = snapshot.startup.counts;
    expect(counts.modules).toBe(observation.modules.length);
    const gate = await cli("collect", "svc", "--fail-under", "100");
    expect(gate.code).toBe(3);
    expect(gate.stderr).toContain(`startup coverage ${coveragePercent(counts.fresh, counts.modules)}% is below 100%`);
  },
);
