import { expect, test } from "vitest";
import { addBoxHost, applyPrintedFix, collectBox, idsOf, type BoxSnapshot } from "../support/systemd-box/deploylens";
import { installApp, interpreterVerdict, type AppOptions } from "../support/systemd-box/python-app";
import { useSystemdBox } from "../support/systemd-box/use-systemd-box";

// Issue 13, "every fix is proven": under a real systemd, each condition is made with a real service, found by
// the real CLI over SSH, fixed by applying the printed fix literally, and the service's own interpreter then
// confirms it loads every module from a fresh pyc. One box boot; one service per rule.
const { box, databaseFile, describe: describeInBox } = useSystemdBox("fixes", { appUser: true });

const describeFindings = (s: BoxSnapshot) => s.findings.map((f) => `${f.severity} ${f.id}: ${f.title}`).join("\n");

/**
 * The whole proof for one rule: condition → finding → printed fix applied → finding gone, no new warning,
 * and the interpreter itself compiles nothing any more. `prepare` runs after the service's first start.
 */
async function proveFix(name: string, rule: string, options: AppOptions, prepare?: () => Promise<void>) {
  const app = await installApp(box, name, options);
  await box.daemonReload();
  await box.restart(app.unit);
  await prepare?.();
  await addBoxHost(box, app, databaseFile);

  const before = await collectBox(app, databaseFile);
  expect(before.status).toBe("ok");
  expect(before.service.source).toBe("systemctl");
  const finding = before.findings.find((f) => f.id === rule);
  expect(finding, describeFindings(before)).toBeDefined();
  const compiledBefore = (await interpreterVerdict(box, app)).compiled;

  const applied = await applyPrintedFix(box, app.unit, finding!);
  const after = await collectBox(app, databaseFile);
  const context = `fix applied:\n${applied.join("\n---\n")}\nfindings after:\n${describeFindings(after)}`;
  expect(idsOf(after), context).not.toContain(rule);
  expect(
    idsOf(after).filter((id) => !idsOf(before).includes(id)),
    context,
  ).toEqual([]);
  expect(
    after.findings.filter((f) => f.severity === "warning").map((f) => f.id),
    context,
  ).toEqual([]);
  const verdict = await interpreterVerdict(box, app);
  expect(verdict.compiled, context).toEqual([]);
  expect(after.coverage.fresh, context).toBe(after.coverage.sources);
  return { app, before, after, compiledBefore, verdict };
}

describeInBox("every printed fix clears its finding under a real systemd", () => {
  test("pycache-not-writable, the seed case: root-owned tree, service as nobody, three pycs from a root run", async () => {
    const { before, after, compiledBefore, verdict } = await proveFix("seed", "pycache-not-writable", {
      service: ["User=nobody", "Environment=SECRET_KEY=hunter2-do-not-leak"],
      precompiledByRoot: ["shop.models", "shop.views"],
    });
    expect(compiledBefore.length).toBeGreaterThan(0);
    expect(JSON.stringify([before, after])).not.toContain("hunter2-do-not-leak");
    expect(verdict.prefix).toBe("/var/cache/seed/pyc");
  });

  test("pycache-prefix-not-writable: PYTHONPYCACHEPREFIX in a root-owned directory", async () => {
    await box.sh("install -d -o root -g root -m 0755 /var/cache/rootprefix");
    const { compiledBefore } = await proveFix("prefix", "pycache-prefix-not-writable", {
      service: ["User=nobody", "Environment=PYTHONPYCACHEPREFIX=/var/cache/rootprefix/pyc"],
    });
    expect(compiledBefore.length).toBeGreaterThan(0);
  });

  test("read-only-sandbox: ProtectSystem=strict over a tree the service user owns", async () => {
    const { compiledBefore } = await proveFix("strict", "read-only-sandbox", {
      service: ["User=appuser", "ProtectSystem=strict"],
      owner: "appuser",
    });
    expect(compiledBefore.length).toBeGreaterThan(0);
  });

  test("bytecode-writing-disabled: PYTHONDONTWRITEBYTECODE=1 in the unit", async () => {
    const { compiledBefore } = await proveFix("nobytecode", "bytecode-writing-disabled", {
      service: ["User=appuser", "Environment=PYTHONDONTWRITEBYTECODE=1"],
      owner: "appuser",
    });
    expect(compiledBefore.length).toBeGreaterThan(0);
  });

  test("DynamicUser=yes over a root-owned tree (it implies ProtectSystem=strict, so the sandbox is the cause)", async () => {
    const { before, verdict } = await proveFix("dynamic", "read-only-sandbox", { service: ["DynamicUser=yes"] });
    expect(before.service.user).toBeNull();
    expect(verdict.prefix).toBe("/var/cache/dynamic/pyc");
  });

  test("restart-pending: a drop-in written after the start; the printed daemon-reload and restart clear it", async () => {
    await proveFix("pending", "restart-pending", { service: ["User=appuser"], owner: "appuser" }, async () => {
      await box.writeDropIn("pending.service", "mode.conf", "[Service]\nEnvironment=APP_MODE=pending\n");
    });
  });
});
