import { describe, expect, test } from "vitest";
import { RULES } from "@/lib/analysis/diagnostics";
import type { Severity, SnapshotInput } from "@/lib/analysis/types";
import { REDACTED, type InterpreterTrust, type Root, type Server } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "@/tests/support/inventory-builder";
import { findingOf, findingsOf, healthy, idsOf, serverWith, textOf } from "./helpers";

type Case = { rule: string; name: string; fires: Severity | null; snapshot: () => SnapshotInput };

const rootOwned = () => healthy("lernmanager").root("/opt/lernmanager", { owner: "root" });

/** The healthy snapshot with its app root replaced by one the collector saw nothing of. */
const blindAppRoot = (patch: Partial<Root>) => (): SnapshotInput => {
  const s = healthy()
    .root("/srv/venv/lib/python3.11/site-packages", { kind: "site-packages", owner: "root" })
    .source("flask/app.py")
    .snapshot();
  const roots = s.inventory.roots.map((r, i) => (i === 0 ? { ...r, dirs: [], sources: [], ...patch } : r));
  return { ...s, inventory: { ...s.inventory, roots } };
};

/** The trust entry of a venv owned by the service user "app": the collector read it instead of running it. */
const untrustedVenv: InterpreterTrust = {
  trusted: false,
  resolvedPath: "/usr/bin/python3.11",
  untrustedBy: {
    path: "/srv/app/.venv",
    uid: 1001,
    gid: 1001,
    owner: "app",
    group: "app",
    mode: 0o755,
    acl: false,
    reason: "/srv/app/.venv is owned by app, neither root nor the collecting account",
  },
  venv: "/srv/app/.venv",
  standIn: "/usr/bin/python3.11",
  versionFrom: "pyvenv.cfg",
};

type ServerPatch = Partial<Omit<Server, "kind">> & { kind: Server["kind"] };
const setting = <T>(value: T, source = "ExecStart") => ({ value, source });

/** A service with these server settings and `blocked` startup modules compiled at every start. */
const withServer =
  (patch: ServerPatch, blocked = 2): (() => SnapshotInput) =>
  () => {
    const s = healthy().snapshot();
    const modules = ["app", "pkg", "pkg.views"].map((name, i) => ({
      name,
      path: `/srv/app/${name.replace(".", "/")}.py`,
      status: i < blocked ? ("missing" as const) : ("fresh" as const),
      reason: null,
      blocked: i < blocked,
    }));
    const startup = {
      origin: "service" as const,
      entryPoints: ["app:app"],
      sysPath: [],
      modules,
      unresolved: [],
      unparsed: [],
      notes: [],
      truncated: null,
    };
    return { ...s, inventory: { ...s.inventory, startup, server: serverWith(patch) } };
  };

/** For every rule: situations built to trigger it, and near misses built not to. */
const CASES: Case[] = [
  {
    rule: "app-root-unreadable",
    name: "a typo'd app root that does not exist",
    fires: "critical",
    snapshot: blindAppRoot({ exists: false, problem: "No such file or directory" }),
  },
  {
    rule: "app-root-unreadable",
    name: "an app root the collecting account cannot list",
    fires: "critical",
    snapshot: blindAppRoot({ skipped: [{ path: "", reason: "unreadable", detail: "Permission denied" }] }),
  },
  {
    rule: "app-root-unreadable",
    name: "an unreadable directory below a walked app root",
    fires: null,
    snapshot: () => healthy().skipped("pkg", "unreadable").snapshot(),
  },

  {
    rule: "pycache-not-writable",
    name: "root-owned tree with missing pycs",
    fires: "warning",
    snapshot: () => rootOwned().sources(5, "missing", "pkg").snapshot(),
  },
  {
    rule: "pycache-not-writable",
    name: "root-owned tree whose pycs are all fresh (precompiled, readable)",
    fires: null,
    snapshot: () => rootOwned().sources(5, "fresh", "pkg").snapshot(),
  },
  {
    rule: "pycache-not-writable",
    name: "service running as root (CAP_DAC_OVERRIDE) in a root-owned tree",
    fires: null,
    snapshot: () => healthy("root").root("/opt/x", { owner: "root" }).sources(3, "missing").snapshot(),
  },
  {
    rule: "pycache-not-writable",
    name: "tree group-writable for the service's group",
    fires: null,
    snapshot: () =>
      healthy("app").root("/opt/x", { owner: "deploy", group: "app", mode: 0o775 }).sources(3, "missing").snapshot(),
  },

  {
    rule: "bytecode-writing-disabled",
    name: "-B on the command line",
    fires: "warning",
    snapshot: () =>
      healthy()
        .service({ execStart: ["/usr/bin/python3", "-B", "-m", "app"] })
        .interpreter({ dontWriteBytecode: true })
        .source("new.py", "missing")
        .snapshot(),
  },
  {
    rule: "bytecode-writing-disabled",
    name: "PYTHONDONTWRITEBYTECODE=1 with every pyc present",
    fires: "info",
    snapshot: () => healthy().env("PYTHONDONTWRITEBYTECODE", "1").interpreter({ dontWriteBytecode: true }).snapshot(),
  },
  {
    rule: "bytecode-writing-disabled",
    name: "PYTHONDONTWRITEBYTECODE=0",
    fires: null,
    snapshot: () => healthy().env("PYTHONDONTWRITEBYTECODE", "0").source("new.py", "missing").snapshot(),
  },

  {
    rule: "pycache-prefix-not-writable",
    name: "root-owned prefix",
    fires: "warning",
    snapshot: () => healthy().prefix("/var/cache/app/pyc", { owner: "root" }).source("new.py", "missing").snapshot(),
  },
  {
    rule: "pycache-prefix-not-writable",
    name: "prefix owned by the service user",
    fires: null,
    snapshot: () => healthy().prefix("/var/cache/app/pyc", { owner: "app" }).source("new.py", "missing").snapshot(),
  },

  {
    rule: "pycache-prefix-volatile",
    name: "prefix in /tmp with PrivateTmp=yes",
    fires: "warning",
    snapshot: () => healthy().service({ privateTmp: true }).prefix("/tmp/app-pyc", { owner: "app" }).snapshot(),
  },
  {
    rule: "pycache-prefix-volatile",
    name: "prefix on a tmpfs mount",
    fires: "info",
    snapshot: () => healthy().mount("/run", "tmpfs").prefix("/run/app/pyc", { owner: "app" }).snapshot(),
  },
  {
    rule: "pycache-prefix-volatile",
    name: "prefix in /tmp without PrivateTmp on a disk",
    fires: null,
    snapshot: () => healthy().prefix("/tmp/app-pyc", { owner: "app" }).snapshot(),
  },

  {
    rule: "restart-pending",
    name: "drop-in changed after the process started",
    fires: "warning",
    snapshot: () =>
      healthy()
        .process()
        .service({
          configFiles: [
            {
              path: "/etc/systemd/system/app.service.d/override.conf",
              kind: "drop-in",
              exists: true,
              mtime: 1_700_000_100,
              optional: false,
            },
          ],
        })
        .snapshot(),
  },
  {
    rule: "restart-pending",
    name: "configured PYTHONPYCACHEPREFIX not in the running process",
    fires: "warning",
    snapshot: () => healthy().process().env("PYTHONPYCACHEPREFIX", "/var/cache/app/pyc").snapshot(),
  },
  {
    rule: "restart-pending",
    name: "a PYTHON* variable only the process has",
    fires: "info",
    snapshot: () =>
      healthy()
        .process({ environment: { PYTHONDONTWRITEBYTECODE: "1" } })
        .snapshot(),
  },
  {
    rule: "restart-pending",
    name: "PYTHONPATH only the process has (changes which modules load)",
    fires: "info",
    snapshot: () =>
      healthy()
        .process({ environment: { PYTHONPATH: "/srv/lib" } })
        .snapshot(),
  },
  {
    rule: "restart-pending",
    name: "PYTHONUNBUFFERED and LANG differ between unit and process (cannot change compilation)",
    fires: null,
    snapshot: () =>
      healthy()
        .env("PYTHONUNBUFFERED", "0")
        .process({ environment: { PYTHONUNBUFFERED: "1", LANG: "C.UTF-8" } })
        .snapshot(),
  },
  {
    rule: "restart-pending",
    name: "process matches, files older than its start",
    fires: null,
    snapshot: () => healthy().process().snapshot(),
  },
  {
    rule: "restart-pending",
    name: "interpreter prepended by a shebang and redacted values on both sides",
    fires: null,
    snapshot: () =>
      healthy()
        .env("PYTHONSECRET", REDACTED)
        .process({ argv: ["/srv/app/.venv/bin/python3", "/srv/app/.venv/bin/python", "-m", "gunicorn", "app:app"] })
        .snapshot(),
  },

  {
    rule: "read-only-sandbox",
    name: "ProtectSystem=strict makes the tree read-only",
    fires: "warning",
    snapshot: () =>
      healthy()
        .service({ protectSystem: "strict" })
        .dir("pkg", { access: { writable: false, cause: "protect-system", reason: "ProtectSystem=strict" } })
        .source("pkg/new.py", "missing")
        .snapshot(),
  },
  {
    rule: "read-only-sandbox",
    name: "ProtectSystem=strict with every pyc present",
    fires: null,
    snapshot: () =>
      healthy()
        .service({ protectSystem: "strict" })
        .dir("pkg", { access: { writable: false, cause: "protect-system", reason: "ProtectSystem=strict" } })
        .snapshot(),
  },

  {
    rule: "stale-bytecode",
    name: "pycs stale by mtime in a writable tree",
    fires: "info",
    snapshot: () => healthy().source("old.py", "stale", { reason: "mtime" }).snapshot(),
  },
  {
    rule: "stale-bytecode",
    name: "a truncated pyc",
    fires: "warning",
    snapshot: () => healthy().source("cut.py", "stale", { reason: "truncated" }).snapshot(),
  },
  {
    rule: "stale-bytecode",
    name: "stale pycs in a directory the service cannot write (owned by pycache-not-writable)",
    fires: null,
    snapshot: () => rootOwned().source("old.py", "stale").snapshot(),
  },

  {
    rule: "unchecked-hash-stale",
    name: "edited source behind an unchecked-hash pyc",
    fires: "critical",
    snapshot: () => healthy().source("edited.py", "stale", { reason: "hash", pyc: "unchecked-hash" }).snapshot(),
  },
  {
    rule: "unchecked-hash-stale",
    name: "checked-hash pyc under --check-hash-based-pycs never",
    fires: "critical",
    snapshot: () =>
      healthy()
        .interpreter({ checkHashPycs: "never" })
        .source("edited.py", "stale", { reason: "hash", pyc: "checked-hash" })
        .snapshot(),
  },
  {
    rule: "unchecked-hash-stale",
    name: "unchecked-hash pyc under --check-hash-based-pycs always",
    fires: null,
    snapshot: () =>
      healthy()
        .interpreter({ checkHashPycs: "always" })
        .source("edited.py", "stale", { reason: "hash", pyc: "unchecked-hash" })
        .snapshot(),
  },

  {
    rule: "foreign-cache-tag",
    name: "only cpython-310 pycs for a 3.11 service",
    fires: "info",
    snapshot: () =>
      healthy()
        .source("a.py", "missing")
        .extra("__pycache__/a.cpython-310.pyc", "foreign-tag", "cpython-310")
        .snapshot(),
  },
  {
    rule: "foreign-cache-tag",
    name: "foreign pycs where the service also cannot write",
    fires: "warning",
    snapshot: () =>
      rootOwned()
        .source("a.py", "missing")
        .extra("__pycache__/a.cpython-310.pyc", "foreign-tag", "cpython-310")
        .snapshot(),
  },
  {
    rule: "foreign-cache-tag",
    name: "foreign pycs beside the service's own fresh ones",
    fires: null,
    snapshot: () =>
      healthy().source("a.py").extra("__pycache__/a.cpython-310.pyc", "foreign-tag", "cpython-310").snapshot(),
  },

  {
    rule: "optimize-level-mismatch",
    name: "service at -O with only level-0 pycs",
    fires: "info",
    snapshot: () =>
      healthy()
        .interpreter({ optimize: 1 })
        .source("a.py", "missing")
        .extra("__pycache__/a.cpython-311.pyc", "other-opt", null)
        .snapshot(),
  },
  {
    rule: "optimize-level-mismatch",
    name: "level-0 pycs beside fresh level-1 ones",
    fires: null,
    snapshot: () =>
      healthy()
        .interpreter({ optimize: 1 })
        .source("a.py")
        .extra("__pycache__/a.cpython-311.pyc", "other-opt", null)
        .snapshot(),
  },

  {
    rule: "sourceless-bytecode",
    name: "importable legacy pyc",
    fires: "warning",
    snapshot: () => healthy().extra("removed.pyc", "legacy", null, true).snapshot(),
  },
  {
    rule: "sourceless-bytecode",
    name: "legacy pyc shadowed by its source",
    fires: null,
    snapshot: () => healthy().extra("app.pyc", "legacy", null, false).snapshot(),
  },

  {
    rule: "orphan-bytecode",
    name: "cached pyc of a deleted module",
    fires: "info",
    snapshot: () => healthy().extra("__pycache__/gone.cpython-311.pyc", "orphan", "cpython-311").snapshot(),
  },
  { rule: "orphan-bytecode", name: "no extra pycs", fires: null, snapshot: () => healthy().snapshot() },

  {
    rule: "pycache-owned-by-other-user",
    name: "root-owned __pycache__ in the service's own tree",
    fires: "warning",
    snapshot: () =>
      healthy()
        .dir("pkg", { pycache: { owner: "root" } })
        .source("pkg/views2.py", "stale")
        .snapshot(),
  },
  {
    rule: "pycache-owned-by-other-user",
    name: "root-owned __pycache__ that is group-writable for the service",
    fires: null,
    snapshot: () =>
      healthy()
        .dir("pkg", { pycache: { owner: "root", group: "app", mode: 0o775 } })
        .source("pkg/views2.py", "stale")
        .snapshot(),
  },

  {
    rule: "world-writable-pycache",
    name: "__pycache__ with mode 0777",
    fires: "critical",
    snapshot: () =>
      healthy()
        .dir("pkg", { pycache: { owner: "app", mode: 0o777 } })
        .snapshot(),
  },
  {
    rule: "world-writable-pycache",
    name: "prefix not created yet under the sticky /tmp",
    fires: "critical",
    snapshot: () => healthy().prefix("/tmp/app-pyc", { owner: "root", mode: 0o1777, exists: false }).snapshot(),
  },
  {
    rule: "world-writable-pycache",
    name: "__pycache__ with mode 1777 (sticky)",
    fires: null,
    snapshot: () =>
      healthy()
        .dir("pkg", { pycache: { owner: "app", mode: 0o1777 } })
        .snapshot(),
  },

  {
    rule: "interpreter-untrusted",
    name: "a venv the service user owns: its bin/python was not run",
    fires: "warning",
    snapshot: () => healthy().interpreter({ trust: untrustedVenv }).snapshot(),
  },
  {
    rule: "interpreter-untrusted",
    name: "a service-owned app beside a root-owned venv whose bin/python links into /usr/bin",
    fires: null,
    snapshot: () =>
      healthy()
        .interpreter({
          trust: {
            trusted: true,
            resolvedPath: "/usr/bin/python3.11",
            untrustedBy: null,
            venv: "/srv/app/.venv",
            standIn: null,
            versionFrom: "probe",
          },
        })
        .snapshot(),
  },

  {
    rule: "truncated-scan",
    name: "scan stopped at max files",
    fires: "warning",
    snapshot: () => healthy().truncate("max-files", 300_000).snapshot(),
  },
  {
    rule: "truncated-scan",
    name: "only symlinks skipped",
    fires: null,
    snapshot: () => healthy().skipped("current", "symlink").snapshot(),
  },

  {
    rule: "source-dir-unreadable",
    name: "a directory the service user cannot list",
    fires: "warning",
    snapshot: () => healthy().dir("pkg", { mode: 0o700, owner: "deploy", readable: false }).snapshot(),
  },
  {
    rule: "source-dir-unreadable",
    name: "every directory readable",
    fires: null,
    snapshot: () => healthy().snapshot(),
  },
  {
    rule: "gunicorn-preload-off",
    name: "3 gunicorn workers without --preload and blocked modules",
    fires: "warning",
    snapshot: withServer({ kind: "gunicorn", workers: setting(3), preload: setting(false) }),
  },
  {
    rule: "gunicorn-preload-off",
    name: "3 gunicorn workers with --preload",
    fires: null,
    snapshot: withServer({ kind: "gunicorn", workers: setting(3), preload: setting(true) }),
  },
  {
    rule: "gunicorn-preload-off",
    name: "3 gunicorn workers without --preload but nothing blocked",
    fires: null,
    snapshot: withServer({ kind: "gunicorn", workers: setting(3), preload: setting(false) }, 0),
  },
  {
    rule: "max-requests-recompile",
    name: "--max-requests 1000 recycles workers that compile blocked modules",
    fires: "warning",
    snapshot: withServer({ kind: "gunicorn", workers: setting(3), maxRequests: setting(1000) }),
  },
  {
    rule: "max-requests-recompile",
    name: "--max-requests 1000 with --preload: new workers inherit the app",
    fires: null,
    snapshot: withServer({ kind: "gunicorn", workers: setting(3), maxRequests: setting(1000), preload: setting(true) }),
  },
  {
    rule: "max-requests-recompile",
    name: "celery --max-tasks-per-child: the pool forks from the main process",
    fires: null,
    snapshot: withServer({ kind: "celery", workers: setting(4), maxRequests: setting(100) }),
  },
  {
    rule: "gunicorn-workers-above-cores",
    name: "17 workers on 2 cores",
    fires: "info",
    snapshot: withServer({ kind: "gunicorn", workers: setting(17), cores: 2 }),
  },
  {
    rule: "gunicorn-workers-above-cores",
    name: "5 workers on 2 cores (2 × cores + 1)",
    fires: null,
    snapshot: withServer({ kind: "gunicorn", workers: setting(5), cores: 2 }),
  },
  {
    rule: "uwsgi-lazy-apps",
    name: "uwsgi lazy-apps with 4 processes and blocked modules",
    fires: "warning",
    snapshot: withServer({ kind: "uwsgi", workers: setting(4), lazyApps: setting(true), preload: setting(false) }),
  },
  {
    rule: "uwsgi-lazy-apps",
    name: "uwsgi with 4 processes without lazy-apps",
    fires: null,
    snapshot: withServer({ kind: "uwsgi", workers: setting(4), lazyApps: setting(false), preload: setting(true) }),
  },
  {
    rule: "autoreload-in-production",
    name: "gunicorn --reload under systemd",
    fires: "warning",
    snapshot: withServer({ kind: "gunicorn", workers: setting(2), reload: setting(true) }),
  },
  {
    rule: "autoreload-in-production",
    name: "runserver --noreload",
    fires: null,
    snapshot: withServer({ kind: "django-runserver", workers: setting(1) }),
  },
];
describe("every rule fires on its situation and stays quiet on the near miss", () => {
  test.each(CASES.map((c) => [`${c.rule}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const snapshot = c.snapshot();
    if (c.fires === null) expect(idsOf(snapshot)).not.toContain(c.rule);
    else expect(findingOf(snapshot, c.rule).severity).toBe(c.fires);
  });
});

test("every rule has a firing case and a near miss in the table", () => {
  for (const rule of RULES) {
    expect(
      CASES.some((c) => c.rule === rule.id && c.fires !== null),
      rule.id,
    ).toBe(true);
    expect(
      CASES.some((c) => c.rule === rule.id && c.fires === null),
      rule.id,
    ).toBe(true);
  }
});

test("rule ids are kebab-case and unique", () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
});

test("a healthy service with a live process yields no findings at all", () => {
  const snapshot = healthy()
    .process()
    .pkg("flask", "3.1.3")
    .snapshot("s", "h", { collectorMs: 10, startup: { modules: 231, ms: 146, capped: false } });
  expect(idsOf(snapshot)).toEqual([]);
});

test("findings are sorted by severity, then id", () => {
  const snapshot = rootOwned()
    .sources(2, "missing", "pkg")
    .source("edited.py", "stale", { reason: "hash", pyc: "unchecked-hash" })
    .extra("__pycache__/gone.cpython-311.pyc", "orphan", "cpython-311")
    .truncate("max-seconds", 100)
    .snapshot();
  expect(idsOf(snapshot)).toEqual([
    "unchecked-hash-stale",
    "pycache-not-writable",
    "truncated-scan",
    "orphan-bytecode",
  ]);
});

test("no finding text shows undefined, null, NaN or an object", () => {
  for (const c of CASES.filter((x) => x.fires !== null)) {
    for (const f of findingsOf(c.snapshot()))
      expect(textOf(f), `${c.rule}: ${c.name}`).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object /);
  }
});

test.each([
  ["no roots at all", () => new InventoryBuilder().snapshot()],
  [
    "no interpreter and no unit",
    () =>
      new InventoryBuilder({ user: "app", unit: null })
        .noInterpreter()
        .root("/srv/app", { owner: "root" })
        .sources(3, "missing")
        .snapshot(),
  ],
  ["a root that does not exist", () => new InventoryBuilder().root("/srv/gone").snapshot()],
  [
    "a process whose environment could not be read",
    () => healthy().process({ readable: false, environment: null, argv: [] }).snapshot(),
  ],
] as const)("degenerate snapshot is diagnosed without throwing: %s", (_name, make) => {
  const findings = findingsOf(make());
  for (const f of findings) expect(textOf(f)).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b/);
});

test("without a unit the fix names the environment variable and a directory the user owns", () => {
  const snapshot = new InventoryBuilder({ user: "app", unit: null })
    .noInterpreter()
    .root("/srv/app", { owner: "root" })
    .sources(3, "missing")
    .snapshot();
  const [step] = findingOf(snapshot, "pycache-not-writable").fix;
  expect(step?.code).toBe(
    "install -d -o app -g app -m 0755 /var/cache/app/pyc\nPYTHONPYCACHEPREFIX=/var/cache/app/pyc",
  );
});

test("a fix that rewrites ExecStart= asks for the redacted values back", () => {
  const execStart = ["/srv/app/.venv/bin/python", "-I", "-m", "gunicorn", "--token", REDACTED, "app:app"];
  const snapshot = rootOwned()
    .service({ execStart })
    .interpreter({ ignoresEnvironment: true })
    .sources(3, "missing", "pkg")
    .snapshot();
  const [configure] = findingOf(snapshot, "pycache-not-writable").fix;
  expect(configure?.code).toContain(`--token ${REDACTED} app:app`);
  expect(configure?.text).toContain(`Put your own values back where it says ${REDACTED}`);
});

test("interpreter-untrusted names the owner and mode that made it so, and a root-owned venv as the fix", () => {
  const text = textOf(findingOf(healthy().interpreter({ trust: untrustedVenv }).snapshot(), "interpreter-untrusted"));
  expect(text).toContain("/srv/app/.venv: app:app 0755");
  expect(text).toContain("owned by app, neither root nor the collecting account");
  expect(text).toContain("chown -R root:root /srv/app/.venv\nchmod -R go-w /srv/app/.venv");
  expect(text).toContain("/usr/bin/python3.11");
});
