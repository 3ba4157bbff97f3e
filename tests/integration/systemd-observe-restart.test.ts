import Database from "../support/sqlite-database";
import { expect, test } from "vitest";
import { observeInBackground, type ObservationJson } from "../support/observe-in-background";
import { runCli } from "../support/run-cli";
import { addBoxHost, collectBox } from "../support/systemd-box/deploylens";
import { installApp } from "../support/systemd-box/python-app";
import { useSystemdBox } from "../support/systemd-box/use-systemd-box";

// `observe --restart` under a real systemd: the one write DeployLens makes, asked for by name and audited, and
// the start it causes observed. The service runs as nobody; a root run left shop/__pycache__ root-owned with the
// pycs of shop and shop.models, so those load from cache and every other module compiles, blocked.
const { box, databaseFile, describe: describeInBox } = useSystemdBox("observe");

describeInBox("observe --restart under a real systemd", () => {
  test("restarts the unit once armed, audits it, and records the start's verdicts", async () => {
    const app = await installApp(box, "watched", { service: ["User=nobody"] });
    // A root run compiles shop and shop.models (without this process's PYTHONDONTWRITEBYTECODE, which nsenter passes on).
    await box.sh(`cd ${app.appRoot} && env -u PYTHONDONTWRITEBYTECODE ${app.python} -c 'import shop.models'`);
    expect(await box.sh(`ls ${app.appRoot}/shop/__pycache__`)).toContain("models.");
    await box.daemonReload();
    await box.restart(app.unit);
    await addBoxHost(box, app, databaseFile);
    await collectBox(app, databaseFile);
    const before = Number((await box.show(app.unit, ["MainPID"])).MainPID);

    const run = observeInBackground(app.name, databaseFile, ["--restart"]);
    expect(await run.armed).toBeGreaterThan(0);
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    expect(Number((await box.show(app.unit, ["MainPID"])).MainPID), "the service was restarted").not.toBe(before);

    const observation = JSON.parse(result.stdout) as ObservationJson;
    const verdict = (name: string) => observation.modules.find((m) => m.name === name);
    expect(verdict("shop")).toMatchObject({ loaded: "cache", blocked: false });
    expect(verdict("shop.models")).toMatchObject({ loaded: "cache", blocked: false });
    for (const name of ["shop.views", "shop.utils", "shop.db", "shop.config"])
      expect(verdict(name), name).toMatchObject({ loaded: "compiled", blocked: true });

    const db = new Database(databaseFile, { readonly: true });
    try {
      const actions = db.prepare(`SELECT action, detail FROM AuditEvent ORDER BY at`).all() as {
        action: string;
        detail: string;
      }[];
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining(["observation-started", "service-restarted"]),
      );
      expect(actions.find((a) => a.action === "service-restarted")?.detail).toContain(app.unit);
    } finally {
      db.close();
    }
  });

  test("another process of the service's user, outside its unit, is not the service", async () => {
    // A cron job, a shell or a second app of the same user opens the app's sources while the service starts:
    // it runs as nobody like the service, but in a transient unit of its own, so it is not counted.
    const app = await installApp(box, "neighbour", { service: ["User=nobody"] });
    await box.writeFiles([{ path: `${app.appRoot}/shop/report.py`, content: "# read by a neighbour only\n" }]);
    await box.daemonReload();
    await box.restart(app.unit);
    await addBoxHost(box, app, databaseFile);
    await collectBox(app, databaseFile);

    const run = observeInBackground(app.name, databaseFile, ["--restart"]);
    expect(await run.armed).toBeGreaterThan(0);
    // It opens report.py every 100 ms for 10 s, through the whole start and its quiet end.
    await box.sh(
      `systemd-run --quiet --uid=nobody --working-directory=${app.appRoot} -- ${app.python} -c ` +
        `'import time\nfor _ in range(100):\n    open("shop/report.py").close()\n    time.sleep(0.1)'`,
    );
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);

    const observation = JSON.parse(result.stdout) as ObservationJson;
    const names = observation.modules.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(app.imports));
    expect(names).not.toContain("shop.report");
    const db = new Database(databaseFile, { readonly: true });
    try {
      const rows = db.prepare(`SELECT body FROM Observation ORDER BY createdAt`).all() as { body: string }[];
      expect(JSON.parse(rows.at(-1)!.body)).toMatchObject({ attribution: "unit" });
    } finally {
      db.close();
    }
  });

  test("--restart without a unit is refused before anything runs", async () => {
    const app = await installApp(box, "nounit", { service: [] });
    const added = await runCli(
      [
        "hosts",
        "add",
        "nounit",
        "--ssh",
        `root@127.0.0.1:${box.ssh.port}`,
        "--identity",
        box.ssh.privateKeyPath,
        "--app-root",
        app.appRoot,
      ],
      { databaseFile },
    );
    expect(added.code, added.stderr).toBe(0);
    const refused = await runCli(["observe", "nounit", "--restart"], { databaseFile });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--restart needs the host's systemd unit");
  });
});
