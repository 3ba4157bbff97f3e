import { afterAll, expect, test } from "vitest";
import type { Startup } from "@/lib/snapshot/schema";
import { collectOk, testSpec } from "../support/fixtures/collect";
import { createDeployment, writeTree, type Deployment } from "../support/fixtures/deployment";
import { writeUnit } from "../support/fixtures/unit-files";
import { createVenv, type Venv, type VenvOptions } from "../support/fixtures/venv";

// One minimal case per cause of a wrong startup closure (PYC.md §11): what import-time code does not run
// stays out, what it runs by other means than an import statement comes in. Each file under the app is
// either expected in the closure or named so that its presence would be the bug.

const deployments: Deployment[] = [];
afterAll(() => deployments.forEach((d) => d.remove()));

async function closureNames(
  files: Record<string, string>,
  execStart: (venv: Venv, dep: Deployment) => string,
  venvOptions: VenvOptions = {},
  environment?: string,
): Promise<{ app: string[]; site: string[]; startup: Startup }> {
  const dep = createDeployment("deploylens-import-time-");
  deployments.push(dep);
  writeTree(dep.app, files);
  const venv = createVenv(dep.python, dep.path("venv"), venvOptions);
  const unitFile = writeUnit(dep.units, "svc.service", {
    WorkingDirectory: dep.app,
    ExecStart: execStart(venv, dep),
    ...(environment ? { Environment: environment } : {}),
  });
  const { inventory } = await collectOk(testSpec({ appRoots: [dep.app], service: "svc.service", unitFile }));
  const startup = inventory.startup!;
  const under = (dir: string) =>
    startup.modules
      .filter((m) => m.path.startsWith(dir + "/"))
      .map((m) => m.name)
      .sort();
  return { app: under(dep.app), site: under(venv.sitePackages), startup };
}

const asModule = (module: string) => (venv: Venv) => `${venv.python} -m ${module}`;

test("TYPE_CHECKING blocks are never run; the else branch of `if not TYPE_CHECKING` is not either", async () => {
  const { app } = await closureNames(
    {
      "main.py":
        "import typing\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import typed_a\nif typing.TYPE_CHECKING:\n    import typed_b\nif not TYPE_CHECKING:\n    import runtime\nelse:\n    import typed_c\n",
      "runtime.py": "",
      "typed_a.py": "",
      "typed_b.py": "",
      "typed_c.py": "",
    },
    asModule("main"),
  );
  expect(app).toEqual(["main", "runtime"]);
});

test("`if __name__ == '__main__'` runs only in the module run as __main__", async () => {
  const { app } = await closureNames(
    {
      "main.py": "import lib\nif __name__ == '__main__':\n    import runner\n",
      "lib.py": "if __name__ == '__main__':\n    import selftest\n",
      "runner.py": "",
      "selftest.py": "",
    },
    asModule("main"),
  );
  expect(app).toEqual(["lib", "main", "runner"]);
});

test("sys.platform, os.name and sys.version_info guards are decided for the service's interpreter", async () => {
  const { app } = await closureNames(
    {
      "main.py": [
        "import os, sys",
        "if sys.platform == 'win32':",
        "    import winonly",
        "elif sys.platform.startswith('linux'):",
        "    import linuxonly",
        "if os.name == 'nt':",
        "    import ntonly",
        "if sys.version_info < (3, 0):",
        "    import py2only",
        "if sys.version_info[:2] >= (3, 7) and sys.implementation.name == 'cpython':",
        "    import modern",
        "WIN = sys.platform.startswith('win')",
        "if WIN:",
        "    import winalias",
        "",
      ].join("\n"),
      "winonly.py": "",
      "linuxonly.py": "",
      "ntonly.py": "",
      "py2only.py": "",
      "modern.py": "",
      "winalias.py": "",
    },
    asModule("main"),
  );
  expect(app).toEqual(["linuxonly", "main", "modern"]);
});

test("functions nobody calls at import time are skipped; those module-level code calls are followed", async () => {
  const { app } = await closureNames(
    {
      "main.py": [
        "import importlib",
        "from factory import create_app",
        "",
        "def later():",
        "    import lazy",
        "    importlib.import_module('lazy_dynamic')",
        "",
        "class Boot:",
        "    def start(self):",
        "        import booted",
        "    def stop(self):",
        "        import stopped",
        "",
        "app = create_app()",
        "boot = Boot()",
        "boot.start()",
        "",
      ].join("\n"),
      "factory.py":
        "def create_app():\n    import factory_dep\n    return helper()\n\n\ndef helper():\n    import helper_dep\n",
      "factory_dep.py": "",
      "helper_dep.py": "",
      "lazy.py": "",
      "lazy_dynamic.py": "",
      "booted.py": "",
      "stopped.py": "",
    },
    asModule("main"),
  );
  expect(app).toEqual(["booted", "factory", "factory_dep", "helper_dep", "main"]);
});

test("import_module of a literal, an f-string or a relative name, and __import__, count at import time", async () => {
  const { app } = await closureNames(
    {
      "main.py": [
        "from importlib import import_module",
        "PLUGIN = 'alpha'",
        "import_module(f'plugins.{PLUGIN}')",
        "import_module('.beta', 'plugins')",
        "__import__('gamma')",
        "import_module('plugins.' + 'delta')",
        "",
      ].join("\n"),
      "plugins/__init__.py": "",
      "plugins/alpha.py": "",
      "plugins/beta.py": "",
      "plugins/delta.py": "",
      "plugins/unused.py": "",
      "gamma.py": "",
    },
    asModule("main"),
  );
  expect(app).toEqual(["gamma", "main", "plugins", "plugins.alpha", "plugins.beta", "plugins.delta"]);
});

test("Flask's config.from_object('pkg.settings_prod') imports the module it names", async () => {
  const { app } = await closureNames(
    {
      "wsgi.py":
        "class Config(dict):\n    pass\n\n\ndef create_app(app):\n    app.config.from_object('conf.settings_prod')\n    return app\n\n\napp = create_app(object())\n",
      "conf/__init__.py": "",
      "conf/settings_prod.py": "DEBUG = False\n",
      "conf/settings_dev.py": "DEBUG = True\n",
    },
    asModule("wsgi"),
  );
  expect(app).toEqual(["conf", "conf.settings_prod", "wsgi"]);
});

test("Django settings: star-import, `+` and .append in INSTALLED_APPS, AppConfig.ready(), default_app_config, middleware __init__; not the URLconf or auth backends", async () => {
  const { app } = await closureNames(
    {
      "wsgi.py":
        "import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'conf.prod')\napplication = get_wsgi_application()\n",
      "conf/__init__.py": "",
      "conf/base.py":
        "BASE_APPS = ['blog']\nMIDDLEWARE = ['mw.Timing']\nROOT_URLCONF = 'urls'\nAUTHENTICATION_BACKENDS = ['authb.Backend']\n",
      "conf/prod.py": "from .base import *\nINSTALLED_APPS = BASE_APPS + ['shop']\nINSTALLED_APPS.append('legacy')\n",
      "conf/dev.py": "from .base import *\n",
      "blog/__init__.py": "",
      "blog/apps.py":
        "from django.apps import AppConfig\n\n\nclass BlogConfig(AppConfig):\n    name = 'blog'\n\n    def ready(self):\n        from . import signals\n",
      "blog/signals.py": "",
      "blog/models.py": "",
      "blog/views.py": "",
      "shop/__init__.py": "default_app_config = 'shop.config.ShopConfig'\n",
      "shop/config.py":
        "from django.apps import AppConfig\n\n\nclass ShopConfig(AppConfig):\n    name = 'shop'\n\n    def ready(self):\n        import shop.hooks\n",
      "shop/hooks.py": "",
      "legacy/__init__.py": "",
      "legacy/models.py": "",
      "mw.py": "class Timing:\n    def __init__(self, get_response):\n        import mw_dep\n",
      "mw_dep.py": "",
      "urls.py": "import blog.views\n",
      "authb.py": "class Backend:\n    pass\n",
    },
    (venv) => `${venv.python} -m gunicorn wsgi:application`,
    { pkg: { name: "gunicorn", version: "1", files: { "gunicorn/__init__.py": "", "gunicorn/__main__.py": "" } } },
  );
  expect(app).toEqual(
    [
      "blog",
      "blog.apps",
      "blog.models",
      "blog.signals",
      "conf",
      "conf.base",
      "conf.prod",
      "legacy",
      "legacy.models",
      "mw",
      "mw_dep",
      "shop",
      "shop.config",
      "shop.hooks",
      "wsgi",
    ].sort(),
  );
});

test("`import` lines of .pth files run at start (read, never executed); -S skips them", async () => {
  const pkg = {
    name: "pthdemo",
    version: "1",
    files: {
      "aaa-demo.pth":
        "import pth_first\nimport os; enabled = os.environ.get('X', 'local') == 'local'; enabled and __import__('pth_hack').add_shim()\n",
      "pth_first.py": "",
      "pth_hack/__init__.py": "def add_shim():\n    pass\n",
      "pth_unused.py": "",
    },
  };
  const withSite = await closureNames({ "main.py": "" }, asModule("main"), { pkg });
  expect(withSite.site).toEqual(["pth_first", "pth_hack"]);
  const noSite = await closureNames({ "main.py": "" }, (venv) => `${venv.python} -S -m main`, { pkg });
  expect(noSite.site).toEqual([]);
});
