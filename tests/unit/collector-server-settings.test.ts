import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { callCollector } from "../support/python";

// Processes per start and the settings that recycle or reload them, read from ExecStart, the environment and
// config files as data (lib/collector/python/66_server_settings.py), run by the real interpreter.
type Setting = { value: number | boolean; source: string } | null;
type Server = { kind: string; processesPerStart: { value: number; source: string }; [key: string]: unknown } & {
  workers: Setting;
  preload: Setting;
  maxRequests: Setting;
  maxRequestsJitter: Setting;
  reload: Setting;
  lazyApps: Setting;
  notes: string[];
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "server-settings-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.mkdirSync(path.join(dir, "with-conf"));
fs.writeFileSync(
  path.join(dir, "with-conf", "gunicorn.conf.py"),
  "import multiprocessing\nworkers = 4\npreload_app = False\n",
);
// A console script as Debian's python3-gunicorn installs it: ExecStart names it, its shebang names Python.
const G = path.join(dir, "gunicorn");
fs.writeFileSync(G, "#!/usr/bin/python3\nfrom gunicorn.app.wsgiapp import run\nrun()\n", { mode: 0o755 });
fs.writeFileSync(
  path.join(dir, "computed.py"),
  "import multiprocessing\nworkers = multiprocessing.cpu_count() * 2 + 1\n",
);
fs.writeFileSync(path.join(dir, "preload.py"), "workers = 6\npreload_app = True\nmax_requests = 500\n");
fs.writeFileSync(path.join(dir, "app.ini"), "[uwsgi]\nprocesses = 8\nlazy-apps = true\nmax-requests = 2000\n");

const PY = "/usr/bin/python3";
type Case = {
  name: string;
  argv: string[];
  env?: Record<string, string>;
  base?: string;
  expected: Partial<Server> | null;
};

const cases: Case[] = [
  {
    name: "gunicorn --workers 3 --max-requests 1000: three processes from ExecStart",
    argv: [PY, "-m", "gunicorn", "--workers", "3", "--max-requests", "1000", "app:app"],
    expected: {
      kind: "gunicorn",
      processesPerStart: { value: 3, source: "ExecStart --workers 3" },
      maxRequests: { value: 1000, source: "ExecStart --max-requests 1000" },
      preload: { value: false, source: "gunicorn's default (no --preload)" },
    },
  },
  {
    name: "gunicorn -w3 --preload: the master imports once",
    argv: [PY, "-m", "gunicorn", "-w3", "--preload", "app:app"],
    expected: { processesPerStart: { value: 1, source: "ExecStart --preload: the master imports the app once" } },
  },
  {
    name: "WEB_CONCURRENCY when the command line names no workers",
    argv: [PY, "-m", "gunicorn", "app:app"],
    env: { WEB_CONCURRENCY: "5" },
    expected: { processesPerStart: { value: 5, source: "WEB_CONCURRENCY=5" } },
  },
  {
    name: "gunicorn.conf.py in the working directory: workers = 4",
    argv: [PY, "-m", "gunicorn", "app:app"],
    base: path.join(dir, "with-conf"),
    expected: { processesPerStart: { value: 4, source: "gunicorn.conf.py workers = 4" } },
  },
  {
    name: "-c FILE with preload_app = True and max_requests",
    argv: [PY, "-m", "gunicorn", "-c", "preload.py", "app:app"],
    expected: {
      workers: { value: 6, source: "preload.py workers = 6" },
      processesPerStart: { value: 1, source: "preload.py preload_app = True: the master imports the app once" },
      maxRequests: { value: 500, source: "preload.py max_requests = 500" },
    },
  },
  {
    name: "a computed workers = … is not evaluated",
    argv: [PY, "-m", "gunicorn", "--config=computed.py", "app:app"],
    expected: {
      processesPerStart: { value: 1, source: "gunicorn's default workers = 1" },
      notes: ["computed.py: workers is computed, not a literal: not evaluated"],
    },
  },
  {
    name: "the command line wins over the config file",
    argv: [PY, "-m", "gunicorn", "--workers=2", "app:app"],
    base: path.join(dir, "with-conf"),
    expected: { processesPerStart: { value: 2, source: "ExecStart --workers 2" } },
  },
  {
    name: "uwsgi ini with lazy-apps: every process loads the app",
    argv: ["/usr/bin/uwsgi", "--ini", "app.ini"],
    expected: {
      kind: "uwsgi",
      processesPerStart: { value: 8, source: "app.ini processes = 8" },
      lazyApps: { value: true, source: "app.ini lazy-apps = true" },
      maxRequests: { value: 2000, source: "app.ini max-requests = 2000" },
    },
  },
  {
    name: "uwsgi --processes 4 without lazy-apps: the master loads once",
    argv: ["/usr/bin/uwsgi", "--processes", "4", "--module", "app:app"],
    expected: {
      processesPerStart: { value: 1, source: "uwsgi's default (no lazy-apps): the master loads the app once" },
    },
  },
  {
    name: "uvicorn --workers 4: spawned workers each import",
    argv: [PY, "-m", "uvicorn", "main:app", "--workers", "4"],
    expected: { kind: "uvicorn", processesPerStart: { value: 4, source: "ExecStart --workers 4" } },
  },
  {
    name: "hypercorn -w 2 --reload",
    argv: [PY, "-m", "hypercorn", "-w", "2", "--reload", "asgi:app"],
    expected: {
      processesPerStart: { value: 2, source: "ExecStart --workers 2" },
      reload: { value: true, source: "ExecStart --reload" },
    },
  },
  {
    name: "celery --concurrency 8 --max-tasks-per-child 100: one import, the pool forks",
    argv: [PY, "-m", "celery", "-A", "proj", "worker", "--concurrency", "8", "--max-tasks-per-child", "100"],
    expected: {
      kind: "celery",
      processesPerStart: {
        value: 1,
        source: "celery's prefork pool forks from the main process, which imports the app once",
      },
      maxRequests: { value: 100, source: "ExecStart --max-tasks-per-child 100" },
    },
  },
  {
    name: "waitress: one process",
    argv: [PY, "-m", "waitress", "--threads", "8", "app:app"],
    expected: { kind: "waitress", processesPerStart: { value: 1, source: "waitress runs one process" } },
  },
  {
    name: "manage.py runserver: the autoreloader's two processes",
    argv: [PY, "manage.py", "runserver", "0.0.0.0:8000"],
    expected: {
      kind: "django-runserver",
      processesPerStart: { value: 2, source: "runserver's autoreloader: a watcher and a server process" },
    },
  },
  {
    name: "manage.py runserver --noreload: one",
    argv: [PY, "manage.py", "runserver", "--noreload"],
    expected: { processesPerStart: { value: 1, source: "ExecStart runserver --noreload" }, reload: null },
  },
  {
    name: "the gunicorn console script (its shebang names Python)",
    argv: [G, "-w", "3", "app:app"],
    expected: { kind: "gunicorn", processesPerStart: { value: 3, source: "ExecStart --workers 3" } },
  },
  { name: "a plain python -m app is no server", argv: [PY, "-m", "shop"], expected: null },
];

const results = callCollector(
  collectorProgram(),
  cases.map((c) => ["server_settings", [c.argv, { PATH: "/usr/bin:/bin", ...c.env }, c.base ?? dir]]),
) as (Server | null)[];

test.each(cases.map((c, i) => ({ ...c, i })))("$name", ({ i, expected }) => {
  if (expected === null) expect(results[i]).toBeNull();
  else expect(results[i]).toMatchObject(expected);
});
