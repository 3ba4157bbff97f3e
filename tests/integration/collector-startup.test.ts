import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { diagnose } from "@/lib/analysis/diagnostics";
import { startupCountsOf } from "@/lib/analysis/startup-coverage";
import type { Inventory, Startup } from "@/lib/snapshot/schema";
import { runPythonOrThrow } from "../support/python";
import { collectOk, testSpec } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { createDeployment, writeTree, type Deployment } from "../support/fixtures/deployment";
import { editSource } from "../support/fixtures/edits";
import { writeUnit, type ServiceSettings } from "../support/fixtures/unit-files";
import { createVenv, type Venv, type VenvOptions } from "../support/fixtures/venv";

// The startup closure on real trees, with the real interpreter as the judge of where a name resolves.
// Servers (gunicorn, celery) are stand-in distributions with a pip-style console script: the collector
// reads their script and arguments and never runs them, so their code does not matter.

const deployments: Deployment[] = [];
afterAll(() => deployments.forEach((d) => d.remove()));

function setup(files: Record<string, string>, venvOptions: VenvOptions = {}): { dep: Deployment; venv: Venv } {
  const dep = createDeployment("deploylens-startup-");
  deployments.push(dep);
  writeTree(dep.app, files);
  return { dep, venv: createVenv(dep.python, dep.path("venv"), venvOptions) };
}

async function startupOf(
  dep: Deployment,
  settings: ServiceSettings,
  entryPoints: string[] = [],
): Promise<{ startup: Startup; inventory: Inventory }> {
  const unitFile = writeUnit(dep.units, "svc.service", { WorkingDirectory: dep.app, ...settings });
  const { inventory, measurements } = await collectOk(
    testSpec({ appRoots: [dep.app], service: "svc.service", unitFile, entryPoints }),
  );
  expect(inventory.startup).not.toBeNull();
  expect(measurements).toBeDefined();
  return { startup: inventory.startup!, inventory };
}

/** Closure modules whose file lies under dir, by name. */
const namesUnder = (startup: Startup, dir: string) =>
  startup.modules
    .filter((m) => m.path.startsWith(dir + "/"))
    .map((m) => m.name)
    .sort();

const stubServer = (name: string, module: string, func = "run"): VenvOptions => {
  const parts = module.split(".");
  const files: Record<string, string> = {};
  for (let i = 1; i < parts.length; i++) files[`${parts.slice(0, i).join("/")}/__init__.py`] = "";
  files[`${parts.join("/")}.py`] = `def ${func}():\n    return 0\n`;
  return { pkg: { name, version: "1.0", files }, consoleScript: { name, module, func }, compile: true };
};

test("python -m pkg.kept counts pkg and pkg.kept, not the stale siblings, which stale-bytecode still reports", async () => {
  const { dep, venv } = setup({
    "pkg/__init__.py": "",
    "pkg/kept.py": "import json\nX = 1\n",
    "pkg/old_a.py": "A = 1\n",
    "pkg/old_b.py": "B = 1\n",
  });
  compileTree(venv.python, dep.app);
  for (const name of ["old_a", "old_b"]) editSource(path.join(dep.app, "pkg", `${name}.py`));
  const { startup, inventory } = await startupOf(dep, { ExecStart: `${venv.python} -m pkg.kept` });
  expect(startup.entryPoints).toEqual(["-m pkg.kept"]);
  expect(namesUnder(startup, dep.app)).toEqual(["pkg", "pkg.kept"]);
  expect(startup.modules.map((m) => m.name)).toContain("json");
  expect(startup.modules.filter((m) => m.path.startsWith(dep.app)).every((m) => m.status === "fresh")).toBe(true);
  const stale = diagnose({ id: "", host: "", takenAt: new Date().toISOString(), inventory, measurements: null }).find(
    (f) => f.id === "stale-bytecode",
  );
  expect(stale, "stale-bytecode still fires for the siblings").toBeDefined();
});

// The standard wsgi.py and manage.py of `django-admin startproject`: Django itself is not installed in these
// venvs (it stays unresolved); the Django hook still knows what its setup imports from the project.
const DJANGO_WSGI =
  "import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\napplication = get_wsgi_application()\n";
const djangoManage = (settings: string) =>
  `import os\nimport sys\nfrom site_conf import boot\n\n\ndef main():\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', '${settings}')\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n\n\nif __name__ == '__main__':\n    main()\n`;

test("gunicorn --chdir … proj.wsgi:application follows Django's setup to settings, apps, models and middleware, not the URLconf", async () => {
  const { dep, venv } = setup(
    {
      "proj/__init__.py": "",
      "proj/wsgi.py": DJANGO_WSGI,
      "proj/settings.py":
        "INSTALLED_APPS = ['shop.apps.ShopConfig']\nROOT_URLCONF = 'proj.urls'\nMIDDLEWARE = ['proj.middleware.Timing']\n",
      "proj/urls.py": "from shop import views\n",
      "proj/middleware.py": "class Timing:\n    pass\n",
      "proj/unused.py": "import shop.unused\n",
      "shop/__init__.py": "",
      "shop/apps.py": "class ShopConfig:\n    name = 'shop'\n",
      "shop/views.py": "from .models import Item\n",
      "shop/models.py": "class Item:\n    pass\n",
      "shop/admin.py": "from . import models\n",
      "shop/unused.py": "X = 1\n",
    },
    stubServer("gunicorn", "gunicorn.app.wsgiapp"),
  );
  const { startup } = await startupOf(dep, {
    WorkingDirectory: "/",
    ExecStart: `${venv.bin("gunicorn")} --chdir ${dep.app} -w 2 --bind 127.0.0.1:8000 --preload proj.wsgi:application`,
  });
  expect(startup.entryPoints).toEqual(["gunicorn.app.wsgiapp:run", "proj.wsgi:application"]);
  // proj.urls and shop.views load at the first request; shop.admin only with django.contrib.admin installed.
  expect(namesUnder(startup, dep.app)).toEqual(
    ["proj", "proj.middleware", "proj.settings", "proj.wsgi", "shop", "shop.apps", "shop.models"].sort(),
  );
  expect(namesUnder(startup, venv.sitePackages)).toEqual(["gunicorn", "gunicorn.app", "gunicorn.app.wsgiapp"]);
  expect(startup.unresolved).toContain("django");
});

test("Django's manage.py runserver with DJANGO_SETTINGS_MODULE reads INSTALLED_APPS through star-imports and +=", async () => {
  const { dep, venv } = setup({
    "manage.py": djangoManage("site_conf.dev"),
    "site_conf/__init__.py": "",
    "site_conf/boot.py": "X = 1\n",
    "site_conf/dev.py": "from .base import *\nINSTALLED_APPS = ['blog']\n",
    "site_conf/prod.py": "from .base import *\nINSTALLED_APPS += ['polls.apps.PollsConfig']\n",
    "site_conf/base.py": "DEBUG = False\nINSTALLED_APPS = ['blog']\n",
    "blog/__init__.py": "",
    "blog/models.py": "",
    "blog/unused.py": "",
    "polls/__init__.py": "",
    "polls/apps.py": "",
    "polls/admin.py": "",
    "polls/views.py": "",
  });
  const { startup } = await startupOf(dep, {
    ExecStart: `${venv.python} ${path.join(dep.app, "manage.py")} runserver`,
    Environment: "DJANGO_SETTINGS_MODULE=site_conf.prod",
  });
  // The environment beats manage.py's setdefault: site_conf.dev is never read.
  expect(namesUnder(startup, dep.app)).toEqual(
    [
      "blog",
      "blog.models",
      "polls",
      "polls.apps",
      "site_conf",
      "site_conf.base",
      "site_conf.boot",
      "site_conf.prod",
    ].sort(),
  );
});

test("an unchecked-hash pyc of an edited startup module counts as cached, and unchecked-hash-stale still reports old code", async () => {
  const { dep, venv } = setup({
    "pkg/__init__.py": "",
    "pkg/kept.py": "from . import edited\n",
    "pkg/edited.py": "X = 1\n",
  });
  compileTree(venv.python, dep.app, { mode: "unchecked-hash" });
  editSource(path.join(dep.app, "pkg", "edited.py"));
  const { startup, inventory } = await startupOf(dep, { ExecStart: `${venv.python} -m pkg.kept` });
  const edited = startup.modules.find((m) => m.name === "pkg.edited");
  expect(edited).toMatchObject({ status: "fresh", reason: "hash", blocked: false });
  expect(startup.modules.filter((m) => m.path.startsWith(dep.app)).every((m) => m.status === "fresh")).toBe(true);
  const ids = diagnose({ id: "", host: "", takenAt: new Date().toISOString(), inventory, measurements: null }).map(
    (f) => f.id,
  );
  expect(ids).toContain("unchecked-hash-stale");
});

test("celery -A proj worker reaches the app's tasks and not the rest", async () => {
  const { dep, venv } = setup(
    {
      "proj/__init__.py": "",
      "proj/celery.py": "from proj import tasks\n",
      "proj/tasks.py": "from . import mail\n",
      "proj/mail.py": "",
      "proj/unused.py": "",
    },
    stubServer("celery", "celery.__main__", "main"),
  );
  const { startup } = await startupOf(dep, { ExecStart: `${venv.bin("celery")} -A proj worker --loglevel=INFO` });
  expect(startup.entryPoints).toContain("proj");
  expect(namesUnder(startup, dep.app)).toEqual(["proj", "proj.celery", "proj.mail", "proj.tasks"]);
});

test("names resolve where the real interpreter finds them: cwd, PYTHONPATH, site-packages, namespace portions, symlinks", async () => {
  const files = {
    "main.py":
      "import first, second, calendar, nsp.a, nsp.b, linked, broken, cyc_a\ntry:\n    import not_installed_xyz\nexcept ImportError:\n    pass\n",
    "first.py": "",
    "calendar.py": "",
    "cyc_a.py": "import cyc_b\n",
    "cyc_b.py": "import cyc_a\n",
    "broken.py": "def oops(:\n",
  };
  const { dep, venv } = setup(files, {
    pkg: { name: "sp", version: "1", files: { "second.py": "", "third.py": "", "nsp/b.py": "" } },
  });
  const extra = dep.path("extra");
  writeTree(extra, { "first.py": "", "second.py": "", "nsp/a.py": "" });
  writeTree(dep.path("shared"), { "linkedpkg/__init__.py": "from . import inner\n", "linkedpkg/inner.py": "" });
  fs.symlinkSync(dep.path("shared", "linkedpkg"), path.join(dep.app, "linked"));
  const { startup } = await startupOf(dep, { ExecStart: `${venv.python} -m main`, Environment: `PYTHONPATH=${extra}` });
  const names = [
    "main",
    "first",
    "second",
    "calendar",
    "nsp.a",
    "nsp.b",
    "linked",
    "linked.inner",
    "broken",
    "cyc_a",
    "cyc_b",
  ];
  const code = `import importlib, json\nprint(json.dumps({n: importlib.import_module(n).__file__ for n in ${JSON.stringify(names.filter((n) => n !== "broken" && n !== "main"))}}))`;
  const truth = JSON.parse(
    runPythonOrThrow(venv.python, ["-B", "-c", code], { cwd: dep.app, env: { PYTHONPATH: extra } }),
  ) as Record<string, string>;
  const found = Object.fromEntries(startup.modules.map((m) => [m.name, m.path]));
  for (const [name, file] of Object.entries(truth)) expect(found[name], name).toBe(file);
  expect(found.broken).toBe(path.join(dep.app, "broken.py"));
  expect(found.main).toBe(path.join(dep.app, "main.py"));
  expect(startup.unparsed.map((u) => u.path)).toEqual([path.join(dep.app, "broken.py")]);
  expect(startup.unresolved).toEqual(["not_installed_xyz"]);
  expect(found.third).toBeUndefined();
});

test("no service and no --entry: the app roots' top-level modules are the entry points, and the closure says so", async () => {
  const { dep } = setup({
    "tool.py": "import helper\n",
    "helper.py": "",
    "pkg/__init__.py": "",
    "pkg/deep.py": "",
    "not-a-module.py": "",
  });
  const { inventory } = await collectOk(testSpec({ appRoots: [dep.app] }));
  const startup = inventory.startup!;
  expect(startup.origin).toBe("app-roots");
  expect(startup.entryPoints).toEqual(["helper", "pkg", "tool"]);
  expect(startup.notes.join(" ")).toMatch(/top-level modules of the app roots/);
  expect(namesUnder(startup, dep.app)).toEqual(["helper", "pkg", "tool"]);
});

test("a host --entry adds its module to those of ExecStart", async () => {
  const { dep, venv } = setup({
    "main.py": "",
    "wsgi.py": "from app import core\n",
    "app/__init__.py": "",
    "app/core.py": "",
  });
  const { startup } = await startupOf(dep, { ExecStart: `${venv.python} -m main` }, ["wsgi:app"]);
  expect(startup.origin).toBe("service+host-setting");
  expect(startup.entryPoints).toEqual(["-m main", "wsgi:app"]);
  expect(namesUnder(startup, dep.app)).toEqual(["app", "app.core", "main", "wsgi"]);
});

test("a 10,000-module closure is followed whole within the collection's time bound", async () => {
  const files: Record<string, string> = {};
  const packages = 100;
  const perPackage = 100;
  for (let p = 0; p < packages; p++) {
    files[`big${p}/__init__.py`] = Array.from({ length: perPackage }, (_, m) => `from . import m${m}\n`).join("");
    for (let m = 0; m < perPackage; m++) files[`big${p}/m${m}.py`] = `import os\nVALUE = ${m}\n`;
  }
  files["main.py"] = Array.from({ length: packages }, (_, p) => `import big${p}\n`).join("");
  const { dep, venv } = setup(files);
  const started = Date.now();
  const { startup } = await startupOf(dep, { ExecStart: `${venv.python} -m main` });
  const seconds = (Date.now() - started) / 1000;
  expect(startup.truncated).toBeNull();
  expect(namesUnder(startup, dep.app)).toHaveLength(1 + packages * (perPackage + 1));
  expect(startupCountsOf(startup).modules).toBeGreaterThan(packages * perPackage);
  expect(seconds).toBeLessThan(testSpec({ appRoots: ["/"] }).maxSeconds);
}, 180_000);
