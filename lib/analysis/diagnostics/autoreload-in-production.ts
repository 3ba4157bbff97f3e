import type { Rule } from "./rule";
import { execStartStep, serverEvidence } from "./support/server-facts";

const id = "autoreload-in-production";

/** A reloader under systemd: extra processes, a restart at each file change, and a file watcher in production. */
export const autoreloadInProduction: Rule = {
  id,
  check(f) {
    const server = f.inventory.server;
    if (!server?.reload?.value || !f.service.unit) return null;
    const runserver = server.kind === "django-runserver";
    return {
      id,
      severity: "warning",
      title: runserver ? "Django's development server runs as a service" : `${server.kind} runs with its autoreloader`,
      detail:
        "The autoreloader watches the source files and restarts the server at each change, so every deploy, every " +
        "touched file restarts the processes and they import (and, where blocked, compile) everything again. " +
        (runserver
          ? "runserver also starts two processes (a watcher and the server), both importing the project, and is not meant for production."
          : "It is a development feature; under systemd a restart after a deploy does the same job once."),
      evidence: serverEvidence(server, ["reload", "workers"]),
      fix: [
        execStartStep(
          f,
          runserver ? "Run the project under a WSGI server (gunicorn, uwsgi), or add --noreload" : "Remove --reload",
        ),
      ],
    };
  },
};
