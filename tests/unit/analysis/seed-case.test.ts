import { describe, expect, test } from "vitest";
import { InventoryBuilder } from "@/tests/support/inventory-builder";
import { findingOf, findingsOf, idsOf, textOf } from "./helpers";

/**
 * The canonical case (the seed, see README): /opt/lernmanager is root-owned, the service runs as an
 * unprivileged user, and only 3 pycs exist — the ones root left behind.
 */
function seed(user: string) {
  return new InventoryBuilder({ user, unit: "lernmanager.service", hostname: "vps" })
    .service({
      execStart: ["/opt/lernmanager/venv/bin/python", "-m", "waitress", "--port=8080", "app:app"],
      workingDirectory: "/opt/lernmanager",
    })
    .interpreter({ path: "/opt/lernmanager/venv/bin/python" })
    .root("/opt/lernmanager", { owner: "root", mode: 0o755 })
    .dir("", { pycache: { owner: "root" } })
    .source("app.py")
    .source("config.py")
    .source("models.py")
    .sources(30, "missing", "app")
    .sources(12, "missing", "app/routes")
    .sources(6, "missing", "app/templates_helpers");
}

const STARTUP = { collectorMs: 900, startup: { modules: 231, ms: 329, capped: false } };

describe.each(["lernmanager", "www-data"])("seed case with User=%s", (user) => {
  test("root-owned /opt/lernmanager blocks the service user and the fix is a prefix drop-in", () => {
    const finding = findingOf(seed(user).snapshot("s", "vps", STARTUP), "pycache-not-writable");
    const text = textOf(finding);
    expect(finding.severity).toBe("warning");
    expect(finding.title).toContain(user);
    expect(finding.evidence.find((e) => e.label === "Service user")?.value).toContain(user);
    expect(text).toContain("/opt/lernmanager/app/__pycache__");
    expect(text).toContain("root:root 0755");
    expect(text).toContain("48 missing");
    const [dropIn, apply, warm] = finding.fix;
    expect(dropIn?.text).toContain("systemctl edit lernmanager.service");
    expect(dropIn?.code).toBe(
      "[Service]\nCacheDirectory=lernmanager\nEnvironment=PYTHONPYCACHEPREFIX=%C/lernmanager/pyc",
    );
    expect(apply?.code).toBe("systemctl daemon-reload\nsystemctl restart lernmanager.service");
    expect(warm?.code).toBe(
      `sudo -u ${user} env PYTHONPYCACHEPREFIX=/var/cache/lernmanager/pyc /opt/lernmanager/venv/bin/python -m compileall -q /opt/lernmanager`,
    );
    expect(finding.fix.map((s) => s.code ?? "").join("\n")).not.toContain("$CACHE_DIRECTORY");
    expect(finding.startupCost).toContain("329 ms");
  });

  test("after the prefix drop-in (writable, fresh under the prefix) the finding is gone", () => {
    const fixed = seed(user)
      .service({ cacheDirectory: ["lernmanager"] })
      .prefix("/var/cache/lernmanager/pyc", { owner: user });
    const snapshot = new InventoryBuilder({ user, unit: "lernmanager.service" })
      .service({ cacheDirectory: ["lernmanager"] })
      .prefix("/var/cache/lernmanager/pyc", { owner: user })
      .root("/opt/lernmanager", { owner: "root" })
      .sources(51, "fresh", "app")
      .snapshot();
    expect(idsOf(fixed.snapshot())).not.toContain("pycache-not-writable");
    expect(findingsOf(snapshot).filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("the seed's own fix, a prefix under instance/ owned by the service user, also clears it", () => {
    const snapshot = seed(user).prefix("/opt/lernmanager/instance/tmp", { owner: user }).snapshot();
    expect(idsOf(snapshot)).not.toContain("pycache-not-writable");
    expect(idsOf(snapshot)).not.toContain("pycache-prefix-not-writable");
  });
});

test("a service at -O is warmed and precompiled with -O", () => {
  const finding = findingOf(seed("lernmanager").interpreter({ optimize: 1 }).snapshot(), "pycache-not-writable");
  const codes = finding.fix.map((s) => s.code ?? "");
  expect(codes.some((c) => c.includes("/opt/lernmanager/venv/bin/python -O -m compileall -q /opt/lernmanager"))).toBe(
    true,
  );
});

test("a command line with -I gets the prefix through -X pycache_prefix in ExecStart", () => {
  const snapshot = seed("lernmanager")
    .service({ execStart: ["/opt/lernmanager/venv/bin/python", "-I", "-m", "waitress", "app:app"] })
    .interpreter({ ignoresEnvironment: true })
    .snapshot();
  const code = findingOf(snapshot, "pycache-not-writable").fix[0]?.code;
  expect(code).toBe(
    "[Service]\nCacheDirectory=lernmanager\nExecStart=\nExecStart=/opt/lernmanager/venv/bin/python -I -X pycache_prefix=%C/lernmanager/pyc -m waitress app:app",
  );
});

test("Python 3.7 has no PYTHONPYCACHEPREFIX, so no prefix drop-in is offered", () => {
  const finding = findingOf(
    seed("lernmanager").interpreter({ version: "3.7.17", cacheTag: "cpython-37", magic: "420d0d0a" }).snapshot(),
    "pycache-not-writable",
  );
  expect(finding.fix[0]?.text).toContain("predates PYTHONPYCACHEPREFIX");
  expect(textOf(finding)).not.toContain("PYTHONPYCACHEPREFIX=%C");
});

test("without measurements there is no startup cost, only the estimate in the detail", () => {
  const finding = findingOf(seed("lernmanager").snapshot(), "pycache-not-writable");
  expect(finding.startupCost).toBeUndefined();
  expect(finding.detail).toMatch(/≈ \d+–\d+ ms/);
});

test("the warm-up also compiles the directories outside the roots that startup modules load from, the stdlib too", () => {
  const snapshot = seed("lernmanager").snapshot();
  const module = (name: string, path: string) => ({
    name,
    path,
    status: "missing" as const,
    reason: null,
    blocked: true,
  });
  snapshot.inventory.startup = {
    origin: "service",
    entryPoints: ["app:app"],
    sysPath: ["/opt/lernmanager", "/usr/lib/python3.11"],
    modules: [
      module("app", "/opt/lernmanager/app.py"),
      module("enum", "/usr/lib/python3.11/enum.py"),
      module("json", "/usr/lib/python3.11/json/__init__.py"),
      module("json.decoder", "/usr/lib/python3.11/json/decoder.py"),
    ],
    unresolved: [],
    unparsed: [],
    notes: [],
    truncated: null,
  };
  const warm = findingOf(snapshot, "pycache-not-writable").fix[2]!;
  const run = "sudo -u lernmanager env PYTHONPYCACHEPREFIX=/var/cache/lernmanager/pyc /opt/lernmanager/venv/bin/python";
  expect(warm.code).toBe(
    `${run} -m compileall -q /opt/lernmanager\n${run} -m compileall -q -l /usr/lib/python3.11 /usr/lib/python3.11/json`,
  );
  expect(warm.text).toContain("a pyc for each of its 4 startup modules");
  expect(warm.text).toContain("the standard library too");
});

test("without a startup closure the warm-up claims the roots only", () => {
  const warm = findingOf(seed("lernmanager").snapshot(), "pycache-not-writable").fix[2]!;
  expect(warm.text).toContain("the standard library's it still compiles itself");
  expect(warm.text).not.toContain("already finds");
});

test("with a measured start the finding shows the measurement and no estimate beside it", () => {
  const measurements = { collectorMs: 900, startup: { modules: 10, ms: 55, capped: false } };
  const finding = findingOf(seed("lernmanager").snapshot("s1", "web", measurements), "pycache-not-writable");
  expect(finding.detail).not.toMatch(/≈ \d+–\d+ ms/);
  expect(finding.startupCost).toContain("55 ms");
});

test("where systemd is not running, the fixes are an environment variable, a compileall and a chown, never systemctl", () => {
  const finding = findingOf(
    seed("lernmanager").service({ systemdRunning: false }).process().snapshot(),
    "pycache-not-writable",
  );
  const text = textOf(finding);
  expect(text).not.toMatch(/systemctl|\[Service\]|%C/);
  expect(text).toContain("PYTHONPYCACHEPREFIX=/var/cache/lernmanager/pyc");
  expect(text).toContain("-m compileall");
  expect(text).toContain("chown");
});

test("with systemd running the same unit gets a drop-in and systemctl restart", () => {
  const text = textOf(
    findingOf(seed("lernmanager").service({ systemdRunning: true }).snapshot(), "pycache-not-writable"),
  );
  expect(text).toContain("systemctl restart");
});
