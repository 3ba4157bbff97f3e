import path from "node:path";
import { expect, test } from "vitest";
import { REDACTED } from "@/lib/snapshot/schema";
import { addBoxHost, collectBox, type BoxSnapshot } from "../support/systemd-box/deploylens";
import { installApp, type BoxApp } from "../support/systemd-box/python-app";
import { useSystemdBox } from "../support/systemd-box/use-systemd-box";

// Issue 13 items 4 and 5: under a real systemd, what DeployLens reports about a service's settings equals
// what `systemctl show` says and what the live process has; and "can the service write here" equals what a
// probe with the same sandbox really can do (systemd-run, in the test only).
const { box, databaseFile, describe: describeInBox } = useSystemdBox("settings", { appUser: true });

/** Variables the manager itself adds to every service (systemd.exec(5), "Environment Variables in Spawned Processes"). */
const FROM_MANAGER = new Set([
  "PATH",
  "LANG",
  "INVOCATION_ID",
  "JOURNAL_STREAM",
  "SYSTEMD_EXEC_PID",
  "NOTIFY_SOCKET",
  "HOME",
  "LOGNAME",
  "USER",
  "SHELL",
  "MAINPID",
  "MANAGERPID",
  "CACHE_DIRECTORY",
  "STATE_DIRECTORY",
  "RUNTIME_DIRECTORY",
  "LOGS_DIRECTORY",
]);

/** The live process's environment, read as root from /proc/PID/environ. */
async function liveEnvironment(pid: number): Promise<Record<string, string>> {
  const items = (await box.readFile(`/proc/${pid}/environ`)).split("\0").filter((item) => item.includes("="));
  return Object.fromEntries(items.map((item) => [item.slice(0, item.indexOf("=")), item.slice(item.indexOf("=") + 1)]));
}

const sameValue = (reported: string | undefined, truth: string | undefined) =>
  reported === truth || (reported === REDACTED && truth !== undefined);

const SHOWN = [
  "MainPID",
  "User",
  "WorkingDirectory",
  "ProtectSystem",
  "ProtectHome",
  "PrivateTmp",
  "ReadWritePaths",
  "ReadOnlyPaths",
  "DynamicUser",
];

/** Configured environment, user, working directory and sandbox as DeployLens says, against systemd and /proc. */
async function expectSystemdAgrees(app: BoxApp, snapshot: BoxSnapshot & { service: Record<string, unknown> }) {
  const show = await box.show(app.unit, SHOWN);
  const pid = Number(show.MainPID);
  const live = await liveEnvironment(pid);
  const service = snapshot.service as BoxSnapshot["service"] & Record<string, unknown>;
  expect(service.source).toBe("systemctl");
  expect(service.process?.pid).toBe(pid);
  expect(service.user ?? "").toBe(show.User);
  expect(service.workingDirectory ?? "").toBe(show.WorkingDirectory);
  expect(service.protectSystem).toBe(show.ProtectSystem);
  expect(service.protectHome).toBe(show.ProtectHome);
  expect(service.privateTmp).toBe(show.PrivateTmp === "yes");
  expect((service.readWritePaths as string[]).join(" ")).toBe(show.ReadWritePaths);
  expect((service.readOnlyPaths as string[]).join(" ")).toBe(show.ReadOnlyPaths);
  expect(service.dynamicUser).toBe(show.DynamicUser === "yes");

  const configured = service.environment;
  const mismatches: string[] = [];
  for (const [key, value] of Object.entries(configured)) {
    if (!sameValue(value, live[key])) mismatches.push(`${key}: reported ${value}, process ${live[key]}`);
  }
  for (const [key, value] of Object.entries(live)) {
    if (!FROM_MANAGER.has(key) && !(key in configured))
      mismatches.push(`${key}=${value} in the process, not configured`);
  }
  const reportedLive = service.process?.environment ?? {};
  expect(Object.keys(reportedLive).sort()).toEqual(Object.keys(live).sort());
  for (const [key, value] of Object.entries(reportedLive)) {
    if (!sameValue(value, live[key])) mismatches.push(`live ${key}: reported ${value}`);
  }
  expect(mismatches, JSON.stringify({ configured, live }, null, 1)).toEqual([]);
  return live;
}

describeInBox("systemd's view is the truth for settings", () => {
  test("quoted and spaced Environment=, a missing optional EnvironmentFile, drop-ins in /etc, /run and /usr/lib, UnsetEnvironment=", async () => {
    await box.writeFile(
      "/etc/quoted/app.env",
      'FROM_FILE="a quoted value"\n# a comment\nPYTHONHASHSEED=0\nOVERRIDDEN=by-file\n',
    );
    const app = await installApp(box, "quoted", {
      service: [
        "User=appuser",
        `Environment="PYTHONPATH=/srv/with space/lib" 'TZ=Europe/Berlin' "ESCAPED=q\\"x"`,
        "Environment=OVERRIDDEN=by-unit DROPPED=1 KEPT=1",
        "EnvironmentFile=-/etc/quoted/missing.env",
        "EnvironmentFile=/etc/quoted/app.env",
        "UnsetEnvironment=DROPPED KEPT=not-this-value",
        "ProtectSystem=full",
        "ProtectHome=read-only",
        "PrivateTmp=yes",
        "ReadWritePaths=/srv/quoted",
      ],
      owner: "appuser",
    });
    await box.writeDropIn(app.unit, "10-etc.conf", "[Service]\nEnvironment=LAYER=etc SHADOWED=etc\n");
    await box.writeDropIn(app.unit, "20-run.conf", "[Service]\nEnvironment=RUN_LAYER=run\n", "/run/systemd/system");
    await box.writeDropIn(
      app.unit,
      "10-etc.conf",
      "[Service]\nEnvironment=SHADOWED=usr-lib\n",
      "/usr/lib/systemd/system",
    );
    await box.writeDropIn(
      app.unit,
      "30-lib.conf",
      "[Service]\nEnvironment=LIB_LAYER=usr-lib\n",
      "/usr/lib/systemd/system",
    );
    await box.daemonReload();
    await box.restart(app.unit);
    await addBoxHost(box, app, databaseFile);
    const live = await expectSystemdAgrees(app, await collectBox(app, databaseFile));
    // The setup itself did what it meant to (so the equality above is not vacuous).
    expect(live).toMatchObject({
      PYTHONPATH: "/srv/with space/lib",
      ESCAPED: 'q"x',
      OVERRIDDEN: "by-file",
      KEPT: "1",
      SHADOWED: "etc",
      RUN_LAYER: "run",
      LIB_LAYER: "usr-lib",
      FROM_FILE: "a quoted value",
    });
    expect(live.DROPPED).toBeUndefined();
  });

  test("a template instance: specifiers and the instance's own drop-in", async () => {
    const app = await installApp(box, "tpl", {
      service: ["User=appuser", "Environment=INSTANCE=%i UNIT=%n PYTHONPYCACHEPREFIX=/var/cache/tpl-%i/pyc"],
      owner: "appuser",
      instance: "1",
    });
    await box.writeDropIn("tpl@.service", "10-all.conf", "[Service]\nEnvironment=ALL=%i\n");
    await box.writeDropIn("tpl@1.service", "20-one.conf", "[Service]\nEnvironment=ONLY_ONE=yes\n");
    await box.daemonReload();
    await box.restart(app.unit);
    await addBoxHost(box, app, databaseFile);
    const live = await expectSystemdAgrees(app, await collectBox(app, databaseFile));
    expect(live).toMatchObject({ INSTANCE: "1", UNIT: "tpl@1.service", ALL: "1", ONLY_ONE: "yes" });
  });

  /**
   * Item 5: for each sandbox, the collector's verdict on the app's one bytecode directory against a probe
   * that systemd starts with the very same [Service] lines and that does what the importer does (makedirs
   * __pycache__, then write a file in it).
   */
  const SANDBOXES: { name: string; writable: "yes" | "no"; owner: string; service: string[] }[] = [
    { name: "wr-plain", writable: "yes", owner: "appuser", service: ["User=appuser"] },
    { name: "wr-foreign", writable: "no", owner: "root", service: ["User=appuser"] },
    { name: "wr-strict", writable: "no", owner: "appuser", service: ["User=appuser", "ProtectSystem=strict"] },
    {
      name: "wr-strict-rw",
      writable: "yes",
      owner: "appuser",
      service: ["User=appuser", "ProtectSystem=strict", "ReadWritePaths=/srv/wr-strict-rw"],
    },
    {
      name: "wr-readonly",
      writable: "no",
      owner: "appuser",
      service: ["User=appuser", "ReadOnlyPaths=/srv/wr-readonly"],
    },
    {
      name: "wr-home",
      writable: "yes",
      owner: "appuser",
      service: ["User=appuser", "ProtectHome=yes", "PrivateTmp=yes"],
    },
    { name: "wr-dynamic", writable: "no", owner: "root", service: ["DynamicUser=yes"] },
  ];

  test.each(SANDBOXES)(
    "can the service write its bytecode directory ($name): the collector agrees with a systemd-run probe",
    async (sandbox) => {
      {
        const app = await installApp(box, sandbox.name, { service: sandbox.service, owner: sandbox.owner });
        await box.daemonReload();
        await addBoxHost(box, app, databaseFile);
        const snapshot = (await collectBox(app, databaseFile)) as BoxSnapshot & {
          roots: { kind: string; writable: { dirs: number; writable: number } }[];
        };
        const summary = snapshot.roots.find((r) => r.kind === "app")!.writable;
        expect(summary.dirs, sandbox.name).toBe(1);
        const probe = await box.exec([
          "systemd-run",
          "--wait",
          "--pipe",
          "--quiet",
          ...sandbox.service.flatMap((line) => ["-p", line]),
          "/usr/bin/python3",
          "-c",
          PROBE,
          `${app.appRoot}/shop`,
        ]);
        const really = probe.stdout.trim();
        expect(really, `the probe itself (${probe.stderr})`).toBe(sandbox.writable);
        expect(summary.writable === 1 ? "yes" : "no", `collector vs probe for ${sandbox.service.join(", ")}`).toBe(
          really,
        );
      }
    },
  );
});

/** What the importer does to cache a module (importlib's _write_atomic after makedirs), then undone. */
const PROBE = `
import os, sys
cache = os.path.join(sys.argv[1], "__pycache__")
made = not os.path.isdir(cache)
try:
    os.makedirs(cache, exist_ok=True)
    probe = os.path.join(cache, "probe.%d.tmp" % os.getpid())
    with open(probe, "x"):
        pass
    os.unlink(probe)
    if made:
        os.rmdir(cache)
    print("yes")
except OSError:
    print("no")
`;
