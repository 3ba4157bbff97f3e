import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createDeployment, type Deployment } from "../support/fixtures/deployment";
import { writeUnit } from "../support/fixtures/unit-files";
import { freePort } from "../support/free-port";
import { DEBIAN_PYTHON } from "../support/real-apps/django-project";
import { writeFlaskApp } from "../support/real-apps/flask-app";
import { verboseStart } from "../support/real-apps/verbose-start";
import { runCli } from "../support/run-cli";

// The headline after the product's own fix: a real Flask app (Debian's packages) that its service user
// cannot cache gets the PYTHONPYCACHEPREFIX drop-in DeployLens prints, starts once as that user, and
// then startup coverage is 100 % and `collect --fail-under 80` passes. systemd is emulated where it
// would act: the drop-in is read from the unit's .d directory, CacheDirectory= is created for the user.

const isRoot = process.getuid?.() === 0;
const NOBODY = ["--reuid=nobody", "--regid=65534", "--clear-groups"];
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

type Collected = {
  startup: { counts: { modules: number; fresh: number; blocked: number } };
  findings: { id: string; fix: { code?: string }[] }[];
};

test.skipIf(!isRoot)(
  "after the printed prefix fix and one start, startup coverage is 100 % and --fail-under 80 passes (needs root)",
  async () => {
    const dep: Deployment = createDeployment("deploylens-headline-");
    cleanups.push(() => dep.remove());
    writeFlaskApp(dep.app);
    const name = `dlheadline${crypto.randomBytes(4).toString("hex")}`;
    const argv = [DEBIAN_PYTHON, "-m", "waitress", `--listen=127.0.0.1:${await freePort()}`, "wsgi:app"];
    const unitFile = writeUnit(dep.units, `${name}.service`, {
      User: "nobody",
      WorkingDirectory: dep.app,
      ExecStart: argv.join(" "),
    });
    const databaseFile = dep.path("deploylens.db");
    const cli = (...args: string[]) => runCli(args, { databaseFile });
    const host = ["--local", "--app-root", dep.app, "--service", `${name}.service`, "--unit-file", unitFile];
    const added = await cli("hosts", "add", "app", ...host);
    expect(added.code, added.stderr).toBe(0);

    const before = JSON.parse((await cli("collect", "app", "--json")).stdout) as Collected;
    expect(before.startup.counts.blocked).toBeGreaterThan(0);
    const fix = before.findings.find((f) => f.id === "pycache-not-writable")?.fix;
    const dropIn = fix?.[0]?.code ?? "";
    expect(dropIn).toContain(`Environment=PYTHONPYCACHEPREFIX=%C/${name}/pyc`);

    // Apply it as systemd would: the drop-in, its CacheDirectory= owned by the user, then one start.
    fs.mkdirSync(`${unitFile}.d`);
    fs.writeFileSync(path.join(`${unitFile}.d`, "prefix.conf"), `${dropIn}\n`);
    const cacheDir = path.join("/var/cache", name);
    fs.mkdirSync(cacheDir, { mode: 0o755 });
    cleanups.push(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
    fs.chownSync(cacheDir, 65534, 65534);
    await verboseStart(["setpriv", ...NOBODY, ...argv], {
      cwd: dep.app,
      env: { PYTHONPYCACHEPREFIX: path.join(cacheDir, "pyc") },
      ready: (stderr) => stderr.includes("Serving on http"),
    });

    const after = await cli("collect", "app", "--fail-under", "80", "--json");
    expect(after.code, after.stderr).toBe(0);
    const counts = (JSON.parse(after.stdout) as Collected).startup.counts;
    expect(counts.blocked).toBe(0);
    expect(counts.fresh).toBe(counts.modules);
  },
  300_000,
);
