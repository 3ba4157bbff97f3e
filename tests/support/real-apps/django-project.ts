import fs from "node:fs";
import path from "node:path";
import { runPythonOrThrow } from "../python";
import { writeTree } from "../fixtures/deployment";

/** Debian's interpreter: python3-django, -flask, -gunicorn and -waitress live in its dist-packages. */
export const DEBIAN_PYTHON = "/usr/bin/python3";

/**
 * A project made by Django's own `startproject` and `startapp` (Debian's python3-django), with one app
 * that has a model, an admin registration, an AppConfig whose ready() imports its signals, and a URLconf.
 * `split` moves the settings into proj/settings/{base,prod}.py joined by `from .base import *`.
 */
export function writeDjangoProject(dir: string, split: boolean): void {
  runPythonOrThrow(DEBIAN_PYTHON, ["-m", "django", "startproject", "proj", dir], { cwd: dir });
  runPythonOrThrow(DEBIAN_PYTHON, ["-m", "django", "startapp", "polls"], { cwd: dir });
  writeTree(dir, {
    "polls/models.py":
      'from django.db import models\n\n\nclass Question(models.Model):\n    text = models.CharField(max_length=200)\n    published = models.DateTimeField("date published")\n',
    "polls/admin.py":
      "from django.contrib import admin\n\nfrom .models import Question\n\nadmin.site.register(Question)\n",
    "polls/apps.py": [
      "from django.apps import AppConfig",
      "",
      "",
      "class PollsConfig(AppConfig):",
      '    default_auto_field = "django.db.models.BigAutoField"',
      '    name = "polls"',
      "",
      "    def ready(self):",
      "        from . import signals  # noqa: F401",
      "",
    ].join("\n"),
    "polls/signals.py":
      "from django.db.models.signals import post_save\nfrom django.dispatch import receiver\n\nfrom .models import Question\n\n\n@receiver(post_save, sender=Question)\ndef announce(sender, instance, **kwargs):\n    pass\n",
    "polls/views.py":
      'from django.http import JsonResponse\n\nfrom .models import Question\n\n\ndef index(request):\n    return JsonResponse({"count": Question.objects.count()})\n',
    "polls/urls.py":
      'from django.urls import path\n\nfrom . import views\n\nurlpatterns = [path("", views.index, name="index")]\n',
  });
  const urls = path.join(dir, "proj", "urls.py");
  fs.writeFileSync(
    urls,
    fs
      .readFileSync(urls, "utf8")
      .replace("from django.urls import path", "from django.urls import include, path")
      .replace(
        "path('admin/', admin.site.urls),",
        "path('admin/', admin.site.urls),\n    path('polls/', include('polls.urls')),",
      ),
  );
  const settings = path.join(dir, "proj", "settings.py");
  const text = fs.readFileSync(settings, "utf8");
  if (!split) {
    fs.writeFileSync(
      settings,
      text.replace("'django.contrib.staticfiles',\n", "'django.contrib.staticfiles',\n    'polls.apps.PollsConfig',\n"),
    );
    return;
  }
  fs.rmSync(settings);
  writeTree(path.join(dir, "proj", "settings"), {
    "__init__.py": "",
    "base.py": text.replace("Path(__file__).resolve().parent.parent", "Path(__file__).resolve().parent.parent.parent"),
    "prod.py":
      'from .base import *  # noqa: F401,F403\n\nDEBUG = False\nALLOWED_HOSTS = ["localhost"]\nINSTALLED_APPS += ["polls.apps.PollsConfig"]\n',
  });
  const wsgi = path.join(dir, "proj", "wsgi.py");
  fs.writeFileSync(wsgi, fs.readFileSync(wsgi, "utf8").replace("'proj.settings'", "'proj.settings.prod'"));
}

/** A gunicorn config whose post_worker_init hook (run once the worker has loaded the app) writes `marker`. */
export function writeGunicornReadyHook(file: string, marker: string): void {
  fs.writeFileSync(file, `def post_worker_init(worker):\n    open(${JSON.stringify(marker)}, "w").close()\n`);
}
