import { expect, test } from "vitest";
import { addBoxHost, collectBox, idsOf, type BoxSnapshot } from "../support/systemd-box/deploylens";
import { installApp, type BoxApp } from "../support/systemd-box/python-app";
import { useSystemdBox } from "../support/systemd-box/use-systemd-box";

// restart-pending under a real systemd: no false alarm after edit → daemon-reload → restart in
// the same second, and every real pending change still caught. One box boot, one service per scenario.
const { box, databaseFile, describe: describeInBox } = useSystemdBox("restart");

const started = async (name: string, service: string[] = []): Promise<BoxApp> => {
  const app = await installApp(box, name, { service: ["User=nobody", ...service], precompiledByRoot: [] });
  await box.daemonReload();
  await box.restart(app.unit);
  await addBoxHost(box, app, databaseFile);
  return app;
};
const pending = (s: BoxSnapshot) => s.findings.find((f) => f.id === "restart-pending");
const evidenceOf = (s: BoxSnapshot) =>
  pending(s)
    ?.evidence.map((e) => `${e.label}: ${e.value}`)
    .join("\n") ?? "";

describeInBox("restart-pending under a real systemd", () => {
  test("systemctl edit, daemon-reload and restart within one second: no false alarm, systemd's start time", async () => {
    const app = await started("edited");
    // As a script does it: the drop-in, the reload and the restart back to back.
    const dir = `/etc/systemd/system/${app.unit}.d`;
    await box.sh(
      `mkdir -p ${dir} && printf '[Service]\\nEnvironment=APP_MODE=edited\\n' > ${dir}/override.conf` +
        ` && systemctl daemon-reload && systemctl restart ${app.unit}`,
    );
    const snapshot = await collectBox(app, databaseFile);
    expect(snapshot.service.source).toBe("systemctl");
    expect(snapshot.service.process?.startedAtSource).toBe("systemd");
    expect(snapshot.service.needDaemonReload).toBe(false);
    expect(idsOf(snapshot), evidenceOf(snapshot)).not.toContain("restart-pending");
  });

  test("a drop-in written after the start, without daemon-reload: pending, in a new .d directory too", async () => {
    const app = await started("late-dropin");
    // systemd caches which .d directories exist: a new one is neither in DropInPaths nor in NeedDaemonReload.
    await box.writeDropIn(app.unit, "late.conf", "[Service]\nEnvironment=APP_MODE=late\n");
    const unseen = await collectBox(app, databaseFile);
    expect(unseen.service.needDaemonReload).toBe(false);
    expect(pending(unseen)?.severity).toBe("warning");
    expect(evidenceOf(unseen)).toContain("drop-in written after start, not loaded yet");

    await box.sh(`systemctl daemon-reload && systemctl restart ${app.unit}`);
    await box.writeDropIn(app.unit, "later.conf", "[Service]\nEnvironment=APP_MODE=later\n");
    const flagged = await collectBox(app, databaseFile);
    expect(flagged.service.needDaemonReload).toBe(true);
    expect(evidenceOf(flagged)).toContain("NeedDaemonReload: yes");
  });

  test("a reload without a restart is still pending (NeedDaemonReload is no again)", async () => {
    const app = await started("reloaded");
    await box.writeDropIn(app.unit, "late.conf", "[Service]\nEnvironment=APP_MODE=reloaded\n");
    await box.daemonReload();
    const snapshot = await collectBox(app, databaseFile);
    expect(snapshot.service.needDaemonReload).toBe(false);
    expect(pending(snapshot)?.severity).toBe("warning");
    expect(evidenceOf(snapshot)).toContain("drop-in changed after start");
  });

  test("a changed EnvironmentFile is pending, though systemd does not flag it", async () => {
    await box.writeFile("/etc/envfile-app.env", "APP_MODE=one\n");
    const app = await started("envfile", ["EnvironmentFile=/etc/envfile-app.env"]);
    expect(idsOf(await collectBox(app, databaseFile))).not.toContain("restart-pending");
    await box.writeFile("/etc/envfile-app.env", "APP_MODE=two\n");
    const snapshot = await collectBox(app, databaseFile);
    expect(snapshot.service.needDaemonReload).toBe(false);
    expect(evidenceOf(snapshot)).toContain("environment-file changed after start");
  });
});
