import { describe, expect, test } from "vitest";
import { compare, type Comparison } from "@/lib/compare/compare";
import { REDACTED } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "@/tests/support/inventory-builder";

type Tweak = (b: InventoryBuilder) => InventoryBuilder;
const same: Tweak = (b) => b;

/**
 * A developer laptop or a server holding the same app at some location; `app` adds to the app root,
 * `rest` changes anything else.
 */
function side(root: string, user: string, opts: { owner?: string; app?: Tweak; rest?: Tweak } = {}) {
  const { owner = user, app = same, rest = same } = opts;
  const b = new InventoryBuilder({ user, unit: "app.service", hostname: user === "me" ? "laptop" : "vps" })
    .service({ execStart: [`${root}/.venv/bin/python`, "-m", "gunicorn", "app:app"], workingDirectory: root })
    .env("PYTHONPATH", root)
    .env("SECRET_KEY", REDACTED)
    .interpreter({ path: `${root}/.venv/bin/python` })
    .root(root, { owner });
  app(b.source("app.py").source("pkg/a.py").source("pkg/b.py", "missing"))
    .root(`${root}/.venv/lib/python3.11/site-packages`, { kind: "site-packages", owner: user })
    .source("flask/__init__.py")
    .extra("__pycache__/gone.cpython-311.pyc", "orphan", "cpython-311")
    .pkg("Flask", "3.1.3")
    .pkg("jinja2", "3.1.4");
  return rest(b).snapshot(`${user}-snap`, user === "me" ? "laptop" : "vps");
}

const SECTIONS = [
  "headline",
  "interpreter",
  "service",
  "permissions",
  "directories",
  "files",
  "packages",
  "findings",
] as const;
const differences = (c: Comparison) => Object.fromEntries(SECTIONS.map((s) => [s, c[s].differences]));

test("identical inputs give zero differences in every section", () => {
  const snapshot = side("/opt/app", "app");
  const c = compare(snapshot, snapshot);
  expect(differences(c)).toEqual(Object.fromEntries(SECTIONS.map((s) => [s, 0])));
  expect(c.findings.both.map((b) => b.id)).toEqual(["orphan-bytecode"]);
});

test("/home/me/app lines up with /opt/app: same tree at two locations has no differences", () => {
  const c = compare(side("/home/me/app", "me"), side("/opt/app", "me"));
  expect(c.rootPairs.map((p) => [p.kind, p.left, p.right])).toEqual([
    ["app", "/home/me/app", "/opt/app"],
    ["site-packages", "/home/me/app/.venv/lib/python3.11/site-packages", "/opt/app/.venv/lib/python3.11/site-packages"],
  ]);
  expect(differences(c)).toEqual(Object.fromEntries(SECTIONS.map((s) => [s, 0])));
  // Values that differ only by the root's location are shown raw but count as the same.
  const exec = c.service.rows.find((r) => r.key === "execStart");
  expect(exec).toMatchObject({
    status: "same",
    mapped: true,
    left: "/home/me/app/.venv/bin/python -m gunicorn app:app",
  });
});

describe("each section reports what changed", () => {
  const left = side("/home/me/app", "me");
  const right = side("/opt/app", "lernmanager", {
    owner: "root",
    app: (b) => b.source("pkg/new.py", "missing").source("pkg/c.py", "stale"),
    rest: (b) =>
      b
        .interpreter({ version: "3.11.9", optimize: 1 })
        .env("SECRET_KEY", "visible")
        .env("PYTHONDONTWRITEBYTECODE", "0")
        .pkg("flask", "3.1.2")
        .pkg("waitress", "3.0.0"),
  });
  // The laptop's app has pkg/c.py fresh; on the server it is stale.
  const leftWithC = side("/home/me/app", "me", { app: (b) => b.source("pkg/c.py") });
  const c = compare(leftWithC, right);

  test("files: a status change and a file on one side only, matched by relative path", () => {
    expect(c.files.rows.map((r) => [r.root, r.path, r.left?.status ?? null, r.right?.status ?? null])).toEqual([
      ["app", "pkg/c.py", "fresh", "stale"],
      ["app", "pkg/new.py", null, "missing"],
    ]);
    expect(compare(left, right).files.total).toBe(2);
  });

  test("headline: side-by-side metrics with right-minus-left deltas", () => {
    const sources = c.headline.rows.find((r) => r.key === "sources")!;
    expect(sources).toMatchObject({ left: 5, right: 6, delta: 1 });
    expect(c.headline.rows.find((r) => r.key === "warning")?.right).toBeGreaterThan(0);
  });

  test("interpreter: field by field", () => {
    const changed = c.interpreter.rows.filter((r) => r.status !== "same").map((r) => [r.key, r.left, r.right]);
    expect(changed).toEqual([
      ["version", "3.11.7", "3.11.9"],
      ["optimize", "0", "1"],
    ]);
  });

  test("service: users, each Environment key, redacted only equal to redacted", () => {
    const status = Object.fromEntries(c.service.rows.map((r) => [r.key, r.status]));
    expect(status).toMatchObject({
      user: "changed",
      "env.PYTHONDONTWRITEBYTECODE": "only-right",
      "env.SECRET_KEY": "changed",
      "env.PYTHONPATH": "same",
    });
    expect(c.service.differences).toBe(c.service.rows.filter((r) => r.status !== "same").length);
  });

  test("packages: added, removed and version changes, names normalised", () => {
    expect(c.packages).toMatchObject({
      added: [{ name: "waitress" }],
      removed: [],
      changed: [{ name: "Flask", left: "3.1.3", right: "3.1.2" }],
    });
  });

  test("findings: only on the right, on both", () => {
    expect(c.findings.onlyRight.map((f) => f.id)).toContain("pycache-not-writable");
    expect(c.findings.both.map((f) => f.id)).toContain("orphan-bytecode");
    expect(c.findings.onlyLeft).toEqual([]);
  });
});

test("permissions: ancestors counted up from the root and directories by relative path", () => {
  const left = side("/home/me/app", "me");
  const right = side("/opt/app", "me", { owner: "root" });
  const c = compare(left, right);
  const row = c.permissions.rows.find((r) => r.pair === 0 && r.scope === "directory" && r.key === "");
  expect(row?.changed).toEqual(["owner", "group", "bytecode"]);
  expect(row?.right?.perm).toBe("root:root 0755");
  expect(compare(left, left).permissions.differences).toBe(0);
});

test("directories: per-directory coverage where the counts differ", () => {
  const left = side("/srv/a", "app");
  const right = side("/srv/b", "app", { app: (b) => b.sources(3, "missing", "extra").source("pkg/d.py") });
  const c = compare(left, right);
  expect(c.directories.rows.map((r) => [r.pair, r.path, r.left?.missing ?? null, r.right?.missing])).toEqual([
    [0, "pkg", 1, 1],
    [0, "extra", null, 3],
  ]);
});

test("file differences are bounded while the total stays exact", () => {
  const many = (status: "fresh" | "missing") =>
    new InventoryBuilder().root("/srv/app", { owner: "app" }).sources(1500, status, "pkg").snapshot();
  const c = compare(many("fresh"), many("missing"));
  expect(c.files.total).toBe(1500);
  expect(c.files.rows).toHaveLength(1000);
  expect(c.files.differences).toBe(1500);
  expect(compare(many("fresh"), many("missing"), { rowLimit: 10 }).files.rows).toHaveLength(10);
});

test("roots pair by kind, then directory name, then order; a root without a partner stands alone", () => {
  const left = new InventoryBuilder()
    .root("/home/me/web")
    .root("/home/me/worker")
    .root("/usr/lib/python3/dist-packages", { kind: "site-packages" })
    .snapshot();
  const right = new InventoryBuilder().root("/opt/worker").root("/opt/web").root("/opt/extra").snapshot();
  expect(compare(left, right).rootPairs.map((p) => [p.left, p.right])).toEqual([
    ["/home/me/web", "/opt/web"],
    ["/home/me/worker", "/opt/worker"],
    [null, "/opt/extra"],
    ["/usr/lib/python3/dist-packages", null],
  ]);
});
