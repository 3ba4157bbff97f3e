import { expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { callCollector } from "../support/python";

// How each server's arguments become entry points and sys.path entries (lib/collector/python/58_entry_points.py),
// run by the real interpreter. Unset keys are empty lists.
type Entries = {
  labels: string[];
  modules: string[];
  optional: string[];
  scripts: string[];
  front: string[];
  notes: string[];
};

const cases: { server: string; words: string[]; base: string; expected: Partial<Entries> }[] = [
  {
    server: "gunicorn",
    words: ["--chdir", "/srv/app", "-w", "4", "-b", "0.0.0.0:80", "--preload", "proj.wsgi:application"],
    base: "/",
    expected: { labels: ["proj.wsgi:application"], modules: ["proj.wsgi"], front: ["/srv/app"] },
  },
  {
    server: "gunicorn",
    words: ["--pythonpath", "lib,vendor", "app:create_app()"],
    base: "/srv",
    expected: { labels: ["app:create_app()"], modules: ["app"], front: ["/srv", "/srv/lib", "/srv/vendor"] },
  },
  {
    server: "uwsgi",
    words: ["--chdir=/srv/app", "--module", "proj.wsgi:application", "--master"],
    base: "/",
    expected: { modules: ["proj.wsgi"], front: ["/srv/app"] },
  },
  {
    server: "uwsgi",
    words: ["--wsgi-file", "wsgi.py", "--chdir", "/srv/app"],
    base: "/",
    expected: { labels: ["wsgi.py"], scripts: ["/srv/app/wsgi.py"], front: ["/srv/app"] },
  },
  {
    server: "uvicorn",
    words: ["main:app", "--host", "0.0.0.0", "--port", "8000", "--app-dir", "src"],
    base: "/srv",
    expected: { modules: ["main"], front: ["/srv/src"] },
  },
  {
    server: "hypercorn",
    words: ["-b", "0.0.0.0:8000", "asgi:application"],
    base: "/srv",
    expected: { modules: ["asgi"], front: ["/srv"] },
  },
  {
    server: "daphne",
    words: ["-b", "0.0.0.0", "-p", "8001", "proj.asgi:application"],
    base: "/srv",
    expected: { modules: ["proj.asgi"] },
  },
  {
    server: "waitress-serve",
    words: ["--listen=127.0.0.1:8080", "--call", "app:create_app"],
    base: "/srv",
    expected: { modules: ["app"] },
  },
  {
    server: "celery",
    words: ["-A", "proj", "worker", "-l", "INFO"],
    base: "/srv",
    expected: { labels: ["proj"], optional: ["proj.celery"], front: ["/srv"] },
  },
  {
    server: "celery",
    words: ["--app=proj.celery:app", "beat"],
    base: "/srv",
    expected: { modules: ["proj.celery"], optional: [] },
  },
  {
    server: "gunicorn",
    words: ["-c", "gunicorn.conf.py"],
    base: "/srv",
    expected: { modules: [], notes: ["gunicorn: no application spec found in its arguments"] },
  },
];

const results = callCollector(
  collectorProgram(),
  cases.map((c) => ["server_entries", [c.server, c.words, c.base]]),
) as Entries[];

test.each(cases.map((c, i) => ({ ...c, i })))("$server $words", ({ i, expected }) => {
  expect(results[i]).toMatchObject(expected);
});
